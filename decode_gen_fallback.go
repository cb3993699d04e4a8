//go:build beian_reflectdecode

package beian

// genFiling decodes the filing by reflection in a build with the
// beian_reflectdecode tag, which leaves out decode_gen.go: the build that
// regenerates it (go generate), whatever the model has become.
func (d *decoder) genFiling(dst *Filing) error {
	return d.reflectFiling(dst)
}
