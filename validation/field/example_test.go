package field_test

import (
	"fmt"

	"github.com/jobkit/jobkit/validation/field"
)

func ExampleError() {
	spec := field.NewPath("spec")
	errs := field.ErrorList{
		field.Invalid(spec.Child("completions"), int64(-1), "must be greater than or equal to 0"),
		field.Required(spec.Child("template", "spec", "restartPolicy"), `valid values: "OnFailure", "Never"`),
		field.NotSupported(spec.Child("completionMode"), "Foo", []string{"NonIndexed", "Indexed"}),
		field.TooMany(spec.Child("successPolicy", "rules"), 21, 20),
		field.TooLong(spec.Child("managedBy"), "", 63),
		field.Duplicate(spec.Child("podFailurePolicy", "rules").Index(0).Child("onExitCodes", "values").Index(1), int32(11)),
		field.Invalid(spec.Child("podFailurePolicy", "rules").Index(0), field.OmitValueType{},
			"specifying one of OnExitCodes and OnPodConditions is required"),
	}
	for _, e := range errs {
		fmt.Println(e)
	}
	// Output:
	// spec.completions: Invalid value: -1: must be greater than or equal to 0
	// spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"
	// spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed"
	// spec.successPolicy.rules: Too many: 21: must have at most 20 items
	// spec.managedBy: Too long: may not be more than 63 bytes
	// spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11
	// spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required
}

func ExampleNewInvalidError() {
	spec := field.NewPath("spec")
	labels := field.NewPath("spec", "template", "labels")
	name := "a-name-that-is-far-too-long-to-be-used-as-a-label-value-for-pods-x"
	errs := field.ErrorList{
		field.Invalid(spec.Child("completions"), int64(-1), "must be greater than or equal to 0"),
		field.Invalid(labels, name, "must be no more than 63 bytes"),
		field.Invalid(labels, name, "must be no more than 63 bytes"), // dropped from the message
	}
	fmt.Println(field.NewInvalidError("Job", "batch", "pi", errs))
	fmt.Println(field.NewInvalidError("Job", "batch", "pi", errs[:1]))
	fmt.Println(field.NewInvalidError("Job", "batch", "pi", nil) == nil)
	// Output:
	// Job.batch "pi" is invalid: [spec.completions: Invalid value: -1: must be greater than or equal to 0, spec.template.labels: Invalid value: "a-name-that-is-far-too-long-to-be-used-as-a-label-value-for-pods-x": must be no more than 63 bytes]
	// Job.batch "pi" is invalid: spec.completions: Invalid value: -1: must be greater than or equal to 0
	// true
}

func ExamplePath() {
	containers := field.NewPath("spec", "template", "spec").Child("containers")
	fmt.Println(containers.Index(0).Child("name"))
	fmt.Println(field.NewPath("spec", "template", "metadata", "labels").Key("batch.kubernetes.io/job-name"))
	// Output:
	// spec.template.spec.containers[0].name
	// spec.template.metadata.labels[batch.kubernetes.io/job-name]
}
