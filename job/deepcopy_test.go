package job

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const fullJob = `{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"pi","namespace":"ns","uid":"u1",
"creationTimestamp":"2026-01-01T00:00:00Z","deletionTimestamp":"2026-01-01T00:00:10Z","deletionGracePeriodSeconds":30,
"labels":{"a":"b"},"annotations":{"c":"d"},"finalizers":["f"],"managedFields":[{"manager":"kubectl"}],
"ownerReferences":[{"apiVersion":"v1","kind":"X","name":"x","uid":"ux","controller":true,"blockOwnerDeletion":true}]},
"spec":{"parallelism":2,"completions":3,"activeDeadlineSeconds":100,"backoffLimit":1,"backoffLimitPerIndex":1,"maxFailedIndexes":1,
"podFailurePolicy":{"rules":[{"action":"FailJob","onExitCodes":{"containerName":"main","operator":"In","values":[1,2]}},
{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget","status":"True"}]}]},
"successPolicy":{"rules":[{"succeededIndexes":"0-1","succeededCount":1}]},
"selector":{"matchLabels":{"a":"b"},"matchExpressions":[{"key":"k","operator":"In","values":["v"]}]},"manualSelector":true,
"template":{"metadata":{"labels":{"a":"b"}},"spec":{"restartPolicy":"Never","volumes":[{"name":"v"}],
"initContainers":[{"name":"s","restartPolicy":"Always","env":[{"name":"E","valueFrom":{"fieldRef":{"fieldPath":"x"},"other":1}}]}],
"containers":[{"name":"main","resources":{}}]}},
"ttlSecondsAfterFinished":5,"completionMode":"Indexed","suspend":false,"podReplacementPolicy":"Failed","managedBy":"m","scheduling":{"x":1}},
"status":{"conditions":[{"type":"Complete","status":"True"}],"startTime":"2026-01-01T00:00:00Z","completionTime":"2026-01-01T00:00:00Z",
"terminating":0,"failedIndexes":"1","uncountedTerminatedPods":{"succeeded":["a"],"failed":["b"]},"ready":1}}`

const fullPod = `{"metadata":{"name":"p","labels":{"a":"b"}},"spec":{"nodeName":"n","containers":[{"name":"main"}],"tolerations":[]},
"status":{"phase":"Failed","conditions":[{"type":"Ready","status":"False"}],"hostIP":"1.2.3.4",
"containerStatuses":[{"name":"main","ready":false,"restartCount":1,"image":"i","imageID":"","started":false,"resources":{},
"state":{"terminated":{"exitCode":1,"finishedAt":"2026-01-01T00:00:00Z"}},"lastState":{"waiting":{"reason":"r"}}}],
"initContainerStatuses":[{"name":"s","ready":true,"restartCount":0,"image":"","imageID":"","state":{"running":{}}}]}}`

// references collects the addresses of every pointer, map and slice
// reachable from v.
func references(v reflect.Value, into map[uintptr]string, path string) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		into[v.Pointer()] = path
		references(v.Elem(), into, path)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		into[v.Pointer()] = path
		for _, k := range v.MapKeys() {
			references(v.MapIndex(k), into, path+"["+k.String()+"]")
		}
	case reflect.Slice:
		if v.IsNil() || v.Len() == 0 {
			return
		}
		into[v.Pointer()] = path
		for i := 0; i < v.Len(); i++ {
			references(v.Index(i), into, path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				references(v.Field(i), into, path+"."+v.Type().Field(i).Name)
			}
		}
	}
}

func assertIndependent(t *testing.T, orig, cp any) {
	t.Helper()
	if diff := cmp.Diff(orig, cp); diff != "" {
		t.Fatalf("copy differs (-orig +copy):\n%s", diff)
	}
	a, b := map[uintptr]string{}, map[uintptr]string{}
	references(reflect.ValueOf(orig), a, "")
	references(reflect.ValueOf(cp), b, "")
	if len(a) < 12 {
		t.Fatalf("fixture too thin: only %d references", len(a))
	}
	for addr, path := range b {
		if _, shared := a[addr]; shared {
			t.Errorf("copy shares memory with the original at %s", path)
		}
	}
}

func TestJobDeepCopyIsIndependent(t *testing.T) {
	var j Job
	if err := json.Unmarshal([]byte(fullJob), &j); err != nil {
		t.Fatal(err)
	}
	assertIndependent(t, &j, j.DeepCopy())
}

func TestPodDeepCopyIsIndependent(t *testing.T) {
	var p Pod
	if err := json.Unmarshal([]byte(fullPod), &p); err != nil {
		t.Fatal(err)
	}
	assertIndependent(t, &p, p.DeepCopy())
}
