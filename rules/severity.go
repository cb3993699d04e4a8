package rules

import "fmt"

// A Severity says how sure a rejection is. The zero value is invalid.
type Severity int

// The severities, from the mildest.
const (
	// Notice is advice that prevents a later surprise.
	Notice Severity = iota + 1
	// Warning means the filing is likely rejected, or that it depends on
	// something the library cannot confirm: an unknown number segment, a
	// province policy marked uncertain, an outside check that failed.
	Warning
	// Error means that, as given, the filing will be rejected.
	Error
)

// String returns the wire name: "notice", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Notice:
		return "notice"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText writes the wire name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Notice || s > Error {
		return nil, fmt.Errorf("rules: invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads the wire name.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "notice":
		*s = Notice
	case "warning":
		*s = Warning
	case "error":
		*s = Error
	default:
		return fmt.Errorf("rules: unknown severity %q", b)
	}
	return nil
}
