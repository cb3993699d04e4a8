// Package beian holds the data of a Chinese ICP website filing (网站备案)
// as a cloud console collects it, for checking it before it is submitted.
//
// The module tells a console, while the user's form is still open, every
// reason the provider's reviewer or the provincial Communications
// Administration (管局) would reject the filing: a site name that is too
// short or holds a sensitive word, a certificate from another province, a
// mobile from the wrong number segment, a domain whose holder is someone
// else … Each reason is a stable code with a message and a remedy in
// Chinese and English.
//
// The packages:
//
//   - beian (this package): the filing model of the wire format
//     ([Filing], its parts and enumerations, [Date], [Path]), strict
//     decoding with [DecodeFiling], and the interfaces of the outside world
//     a console may plug in ([Registry], [Prober]).
//   - validate: the engine. validate.New builds a validator; its Validate
//     method returns a report of every rejection.
//   - rules: the codes, their messages and remedies, and the rules.
//   - provinces: the 31 provinces and each one's filing policy.
//
// A console backend builds one validator at start, then decodes each
// filing, validates it, and shows the rejections next to the fields they
// concern:
//
//	var v = validate.New() // once: immutable, safe for concurrent use
//
//	func check(ctx context.Context, body io.Reader) error {
//		filing, err := beian.DecodeFiling(body)
//		if err != nil {
//			// Unknown field, bad date, broken JSON: err names the field.
//			return err
//		}
//		rep := v.Validate(ctx, filing)
//		for _, r := range rep.Rejections {
//			fmt.Println(r.Field, r.Code, r.Message(language.Chinese))
//		}
//		// rep.OK() is true when nothing blocks the submission;
//		// rep.WriteJSON(w) writes the wire format's report.
//		return nil
//	}
//
// Paths name fields with the wire format's JSON names, so a console can
// map "websites[0].name" straight back to its input.
package beian
