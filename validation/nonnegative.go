package validation

import "github.com/jobkit/jobkit/validation/field"

// ValidateNonnegativeField returns Invalid (value = value as int64,
// IsNegativeErrorMsg) when value is negative.
func ValidateNonnegativeField(value int64, path *field.Path) field.ErrorList {
	if value < 0 {
		return field.ErrorList{field.Invalid(path, value, IsNegativeErrorMsg)}
	}
	return nil
}

// nonNegative is the error of ValidateNonnegativeField (value as int64).
func nonNegative[T int64 | int32](v T, p *field.Path) *field.Error {
	return field.Invalid(p, int64(v), IsNegativeErrorMsg)
}
