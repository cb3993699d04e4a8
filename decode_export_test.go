package beian

import "io"

// ParseReflective is [DecodeOptions.Parse] through the decoder that reads
// the model by reflection, the reference of the generated one.
func (o DecodeOptions) ParseReflective(data []byte) (*Filing, error) {
	return o.parse(data, (*decoder).reflectFiling)
}

// DecodeReflective is [DecodeOptions.Decode] through the reflective decoder.
func (o DecodeOptions) DecodeReflective(r io.Reader) (*Filing, error) {
	return o.decode(r, (*decoder).reflectFiling)
}
