package kube

import (
	"errors"
	"testing"

	batchv1 "k8s.io/api/batch/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer/json"

	"github.com/jobkit/jobkit/job/manifest"
)

// TestDecodeMessagesMatchAPIServer decodes JSON request bodies with the API
// server's strict decoder (apimachinery's JSON serializer with Strict, into
// k8s.io/api's batch/v1 Job) and with job/manifest at level Strict, and
// requires the same verdict and the same message (jobkit's without its
// "line N: " prefix).
func TestDecodeMessagesMatchAPIServer(t *testing.T) {
	scheme := runtime.NewScheme()
	if err := batchv1.AddToScheme(scheme); err != nil {
		t.Fatal(err)
	}
	strict := json.NewSerializerWithOptions(json.DefaultMetaFactory, scheme, scheme, json.SerializerOptions{Strict: true})
	const head = `{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"spec":{"containers":[{"name":"a",`
	const tail = `}]}}}}`
	for _, body := range []string{
		head + `"image":"x"` + tail,
		head + `"imagePullPolice":"x"` + tail,
		head + `"name":"b","Image":"y"` + tail,
		head + `"ports":[{"containerPort":"80"}]` + tail,
		head + `"ports":[{"containerPort":1.5}]` + tail,
		head + `"ports":[{"containerPort":99999999999}]` + tail,
		head + `"resources":{"limits":{"cpu":"1x"}}` + tail,
		head + `"resources":{"limits":{"cpu":true}}` + tail,
		head + `"resources":{"limits":{"cpu":0.5}}` + tail,
		head + `"livenessProbe":{"httpGet":{"port":true}}` + tail,
		head + `"livenessProbe":{"httpGet":{"port":{}}}` + tail,
		head + `"livenessProbe":{"exec":5}` + tail,
		head + `"args":[1]` + tail,
		head + `"env":[{"name":"x","valueFrom":{"fieldRef":{"fieldPath":"a","zz":1}}}]` + tail,
		head + `"stdin":"true"` + tail,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"parallelism":"2"}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"parallelism":2,"parallelism":3}}`,
		`{"apiVersion":"batch/v1","kind":"Job","metadata":{"labels":{"a":1}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","metadata":{"labels":{"a":"b","a":"c"}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","metadata":{"creationTimestamp":"x"}}`,
		`{"apiVersion":"batch/v1","kind":"Job","metadata":{"creationTimestamp":5}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"spec":{"containers":{"name":"a"}}}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"spec":{"volumes":[{"name":"v","configMap":{"name":"c","defaultMode":"420"}}]}}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"template":{"spec":{"ephemeralContainers":[{"name":5}]}}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"bogus":1,"template":{"metadata":{"x":1},"spec":{"nodeSelector":{"a":"b","a":"c"}}}}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"bogus":1,"parallelism":"x"}}`,
		`{"apiVersion":"batch/v1","kind":"Job","spec":{"parallelism":"x","template":{"spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"1x"}}}]}}}}`,
	} {
		gvk := schema.GroupVersionKind{Group: "batch", Version: "v1", Kind: "Job"}
		_, _, theirs := strict.Decode([]byte(body), &gvk, &batchv1.Job{})
		_, ours := manifest.DecodeJob([]byte(body))
		if (theirs == nil) != (ours == nil) {
			t.Errorf("%s\n API server: %v\n jobkit:     %v", body, theirs, ours)
			continue
		}
		if ours == nil {
			continue
		}
		var me *manifest.Error
		if !errors.As(ours, &me) {
			t.Errorf("%s: %T is not a *manifest.Error", body, ours)
			continue
		}
		if me.Msg != theirs.Error() {
			t.Errorf("%s\n API server: %s\n jobkit:     %s", body, theirs, me.Msg)
		}
	}
}
