package manifest_test

import (
	"fmt"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

func ExampleDecodeJob() {
	j, err := manifest.DecodeJob([]byte(`
apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: perl:5.34
        resources: {limits: {cpu: "0.5"}}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	c := j.Spec.Template.Spec.Containers[0]
	cpu := c.Resources.Limits["cpu"]
	fmt.Println(j.Name, *j.Spec.Completions, c.Image, cpu.String())

	_, err = manifest.DecodeJob([]byte(`
apiVersion: batch/v1
kind: Job
spec:
  completion: 3
  template:
    spec:
      containers:
      - name: pi
        imagePullPolice: Always
`))
	fmt.Println(err)
	// Output:
	// pi 3 perl:5.34 500m
	// line 5: strict decoding error: unknown field "spec.completion", unknown field "spec.template.spec.containers[0].imagePullPolice"
}

func ExampleEncodeYAML() {
	j := &job.Job{
		TypeMeta:   job.TypeMeta{APIVersion: "batch/v1", Kind: "Job"},
		ObjectMeta: job.ObjectMeta{Name: "pi", Labels: map[string]string{"enabled": "yes"}},
		Spec: job.JobSpec{
			Completions: job.Ptr[int32](3),
			Template: job.PodTemplateSpec{Spec: job.PodSpec{
				RestartPolicy: job.RestartPolicyNever,
				Containers:    []job.Container{{Name: "pi", Image: "perl:5.34"}},
			}},
		},
	}
	out, err := manifest.EncodeYAML(j)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
	// Output:
	// apiVersion: batch/v1
	// kind: Job
	// metadata:
	//   name: pi
	//   labels:
	//     enabled: "yes"
	// spec:
	//   completions: 3
	//   template:
	//     metadata: {}
	//     spec:
	//       containers:
	//         - image: perl:5.34
	//           name: pi
	//           resources: {}
	//       restartPolicy: Never
}
