package job

// Step runs one sync of the Job controller. (Work in progress: input
// validation only.)
func Step(in Input) (Output, error) {
	if err := validateInput(&in); err != nil {
		return Output{}, err
	}
	return Output{Memory: in.Memory}, nil
}
