package jsonscan

// Window returns the window s reads a reader through.
func (s *Scanner) Window() []byte { return s.window }
