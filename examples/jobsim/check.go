package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// kindSet matches objects by kind ("ConfigMap") or by apiVersion and kind
// ("v1/ConfigMap", "batch/v1/Job"), as --skip-kinds and --reject-kinds
// list them.
type kindSet []string

// parseKinds splits a comma-separated list, dropping empty entries.
func parseKinds(s string) kindSet {
	var out kindSet
	for _, k := range strings.Split(s, ",") {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func (ks kindSet) has(apiVersion, kind string) bool {
	for _, k := range ks {
		if k == kind || k == gvk(apiVersion, kind) {
			return true
		}
	}
	return false
}

// checker decides the verdict of each object. It is read-only once built,
// so workers share it.
type checker struct {
	skip, reject kindSet
	// namespace is the request namespace of a create (kubectl's -n): the
	// namespace of objects that name none.
	namespace string
	// old holds the stored objects of --update; nil validates creates.
	old *store
	// status validates status updates (--status) instead of updates.
	status bool
	opts   validation.Options
}

// check returns the verdict of o.
func (c *checker) check(o *object) verdict {
	v := verdictFor(o)
	switch {
	case c.reject.has(o.apiVersion, o.kind):
		v.Status = statusInvalid
		v.Message = fmt.Sprintf("kind %s is rejected (--reject-kinds)", gvk(o.apiVersion, o.kind))
		v.Errors = []problem{{Line: o.line, Field: "kind", Type: typeRejectedKind, Message: v.Message}}
	case c.skip.has(o.apiVersion, o.kind):
		v.Status = statusSkipped
		v.Message = "skipped (--skip-kinds)"
	case o.apiVersion == "batch/v1" && o.kind == "Job":
		c.checkJob(o, &v)
	case o.apiVersion == "batch/v1" && o.kind == "CronJob":
		c.checkCronJob(o, &v)
	case o.apiVersion == "" && (o.kind == "Job" || o.kind == "CronJob"):
		v.Status = statusInvalid
		v.Message = fmt.Sprintf("line %d: apiVersion: missing (a %s is batch/v1)", o.line, o.kind)
		v.Errors = []problem{{Line: o.line, Field: "apiVersion", Type: typeDecode, Message: v.Message}}
	default:
		v.Status = statusSkipped
		v.Message = "skipped: jobsim validates batch/v1 Jobs and CronJobs"
	}
	return v
}

// checkJob decodes the Job of o strictly and validates it as the API
// server would the request: a create, or with --update an update (or a
// status update) of the stored Job of the same namespace and name.
func (c *checker) checkJob(o *object, v *verdict) {
	j := new(job.Job)
	if err := manifest.DecodeNode(o.root, j); err != nil {
		c.decodeFailed(o, v, err)
		return
	}
	if c.old == nil {
		c.create(o, v, j)
		return
	}
	key := objectKey(o.kind, namespaceOr(j.Namespace, c.namespace), j.Name)
	old := c.old.jobs[key]
	if old != nil {
		j = keepGenerated(withNamespace(j, old.Namespace), old)
	}
	switch {
	case old != nil && c.status:
		v.Operation = "status"
		next := defaults.PrepareForStatusUpdate(defaults.Job(j), old)
		c.judge(o, v, "Job", &next.ObjectMeta, validation.ValidateJobStatusUpdate(next, old, c.opts))
	case old != nil:
		v.Operation = "update"
		next := defaults.PrepareForUpdate(defaults.Job(j), old)
		c.judge(o, v, "Job", &next.ObjectMeta, validation.ValidateJobUpdate(next, old, c.opts))
		v.Warnings = warningsOf(validation.WarningsOnUpdate(next, old))
	case c.status:
		v.Operation = "status"
		c.notFound(o, v, "jobs.batch", j.Name)
	default:
		// No stored Job of that name: the request creates it (as
		// kubectl apply would).
		c.create(o, v, j)
	}
}

// create validates j as a create request (defaults.Create) and returns the
// Job as the API server would store it, nil when it refuses the request.
func (c *checker) create(o *object, v *verdict, j *job.Job) *job.Job {
	v.Operation = "create"
	created, warnings, errs, refused := createJob(j, c.namespace)
	v.Warnings = warningsOf(warnings)
	if refused != nil {
		// The request is refused as a whole (a wrong namespace, a
		// resourceVersion on a create).
		v.Status = statusInvalid
		v.Message = "Error from server: " + refused.Error()
		v.Errors = []problem{{Line: o.line, Type: typeRefused, Message: refused.Error()}}
		return nil
	}
	c.judge(o, v, "Job", &created.ObjectMeta, errs)
	return created
}

// notFound records a status write to an object --update does not hold,
// with the API server's NotFound text.
func (c *checker) notFound(o *object, v *verdict, resource, name string) {
	v.Status = statusInvalid
	v.Message = fmt.Sprintf("%s %q not found", resource, name)
	v.Errors = []problem{{Line: o.line, Type: typeNotFound, Message: v.Message + " (not in --update)"}}
}

// createJob is the API server's create handling of j (defaults.Create),
// in the request namespace of --namespace when j names none: the Job as
// stored (or as validated), the warnings, the validation errors, and the
// error of a request refused as a whole.
func createJob(j *job.Job, namespace string) (*job.Job, []string, field.ErrorList, error) {
	out, warnings, err := defaults.Create(j, defaults.CreateOptions{Namespace: namespaceOr(j.Namespace, namespace)})
	var invalid *field.InvalidError
	if errors.As(err, &invalid) {
		return out, warnings, invalid.Errs, nil
	}
	return out, warnings, nil, err
}

// judge records the validation errors of the object as the API server
// words them, each with the source line of its field.
func (c *checker) judge(o *object, v *verdict, kind string, meta *job.ObjectMeta, errs field.ErrorList) {
	v.Namespace, v.Name = meta.Namespace, meta.Name
	if len(errs) == 0 {
		v.Status = statusValid
		return
	}
	v.Status = statusInvalid
	v.Message = field.NewInvalidError(kind, "batch", meta.Name, errs).Error()
	v.Errors = make([]problem, 0, len(errs))
	for _, e := range errs {
		if e == nil {
			continue
		}
		v.Errors = append(v.Errors, problem{Line: o.sourceLine(e.Field), Field: e.Field, Type: string(e.Type), Message: e.Error()})
	}
}

// decodeFailed records a manifest that does not decode strictly: the API
// server refuses such a request (400) before validating it.
func (c *checker) decodeFailed(o *object, v *verdict, err error) {
	err = o.relocate(err)
	p := problem{Line: o.line, Type: typeDecode, Message: err.Error()}
	var me *manifest.Error
	if errors.As(err, &me) {
		if me.Line > 0 {
			p.Line = me.Line
		}
		p.Field = me.Path
		plain := *me
		plain.Line, plain.Column = 0, 0
		p.Message = plain.Error()
	}
	v.Status = statusInvalid
	v.Message = p.Message // manifest's message is already the API server's
	v.Errors = []problem{p}
}

func warningsOf(ws []string) []problem {
	if len(ws) == 0 {
		return nil
	}
	out := make([]problem, len(ws))
	for i, w := range ws {
		out[i] = problem{Type: typeWarning, Message: w}
	}
	return out
}

// namespaceOr returns ns, or def when ns is empty.
func namespaceOr(ns, def string) string {
	if ns == "" {
		return def
	}
	return ns
}

// withNamespace returns j, or a shallow copy of it in namespace ns when it
// names none (an update is sent to the stored object's namespace).
func withNamespace(j *job.Job, ns string) *job.Job {
	if j.Namespace != "" {
		return j
	}
	cp := *j
	cp.Namespace = ns
	return &cp
}

// generatedLabels are the template labels the API server generates on
// create (defaults.GenerateSelector).
var generatedLabels = []string{"batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name", "controller-uid", "job-name"}

// keepGenerated returns j with what the API server generated for the
// stored Job old and a manifest does not carry (the selector, the
// generated template labels, the uid) taken from old, as kubectl apply's
// patch leaves them; j is not modified. A manifest that sets them itself
// keeps its own values (and validation judges them).
func keepGenerated(j, old *job.Job) *job.Job {
	out := j.DeepCopy()
	if out.UID == "" {
		out.UID = old.UID
	}
	if out.Spec.Selector == nil && old.Spec.Selector != nil {
		out.Spec.Selector = old.Spec.Selector.DeepCopy()
	}
	for _, k := range generatedLabels {
		v, ok := old.Spec.Template.Labels[k]
		if _, has := out.Spec.Template.Labels[k]; !ok || has {
			continue
		}
		if out.Spec.Template.Labels == nil {
			out.Spec.Template.Labels = map[string]string{}
		}
		out.Spec.Template.Labels[k] = v
	}
	return out
}
