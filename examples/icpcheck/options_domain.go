package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/validate"
)

// domainFlags registers --registrars and --suffixes on fs and returns the
// function that turns them, once parsed, into validator options.
func domainFlags(fs *flag.FlagSet) func() ([]validate.Option, error) {
	registrars := fs.String("registrars", "", "check domain records' registrars against the approved names in `FILE`, one a line")
	suffixes := fs.String("suffixes", "", "use the filable-suffix list in `FILE` (the format of rules/domain/data/suffixes.txt)")
	return func() ([]validate.Option, error) {
		var opts []validate.Option
		if *registrars != "" {
			names, err := readNames(*registrars)
			if err != nil {
				return nil, fmt.Errorf("--registrars %s: %w", *registrars, err)
			}
			opts = append(opts, validate.WithApprovedRegistrars(names...))
		}
		if *suffixes != "" {
			f, err := os.Open(*suffixes)
			if err != nil {
				return nil, fmt.Errorf("--suffixes: %w", err)
			}
			defer f.Close()
			list, err := domain.ParseSuffixList(f)
			if err != nil {
				return nil, fmt.Errorf("--suffixes %s: %w", *suffixes, err)
			}
			opts = append(opts, validate.WithSuffixes(list))
		}
		return opts, nil
	}
}

// readNames reads one name a line, skipping blank lines and "#" comments.
func readNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if names == nil {
		return nil, errors.New("no names")
	}
	return names, nil
}
