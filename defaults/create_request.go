package defaults

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// PlaceholderUID is the metadata.uid Create assigns when CreateOptions.UID
// is empty (the API server draws a random version 4 UUID).
const PlaceholderUID = job.UID("00000000-0000-0000-0000-000000000000")

// DefaultNamespace is the request namespace Create assumes when neither the
// options nor the Job name one: the namespace kubectl sends from a context
// without one.
const DefaultNamespace = "default"

// CreateOptions is what the API server takes from the request, its clock
// and its random source when it creates a Job. The zero value is usable and
// deterministic (placeholder UID, no creationTimestamp, suffix "bbbbb").
type CreateOptions struct {
	// Namespace is the request's namespace (the URL path
	// /apis/batch/v1/namespaces/NAMESPACE/jobs). "" means what kubectl
	// sends: the Job's own metadata.namespace, or DefaultNamespace when it
	// has none.
	Namespace string
	// UID becomes metadata.uid; "" gives PlaceholderUID.
	UID job.UID
	// Now becomes metadata.creationTimestamp (UTC, whole seconds, as stored).
	// The zero time leaves creationTimestamp unset.
	Now time.Time
	// GeneratedName, when non-empty, is the name given to a Job that has a
	// generateName and no name, instead of GenerateName(generateName,
	// Random). It is not used for a Job that has a name.
	GeneratedName string
	// Random draws the suffix of a generated name (see GenerateName); nil
	// gives "bbbbb".
	Random Int63Source
}

// RequestError is a create the API server rejects as a whole rather than
// field by field: its Code is the HTTP status and Message the Status
// message, exactly as the API server writes them.
type RequestError struct {
	Code    int    // 400 (BadRequest) or 500 (storage)
	Reason  string // the Status reason: "BadRequest", or "" for a storage error
	Message string
}

// Error returns the Status message.
func (e *RequestError) Error() string { return e.Message }

// Messages of the whole-request rejections (upstream text).
const (
	namespaceMismatchMessage      = "the namespace of the provided object does not match the namespace sent on the request"
	resourceVersionOnCreate       = "resourceVersion should not be set on objects to be created"
	duplicateOwnerReferenceFormat = ".metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: %v"
)

// Create returns the Job the API server would store for a create request
// carrying in, the warnings it would send, and its rejection, if any. in is
// the request body as decoded (manifest.DecodeJob), not yet defaulted; it
// is never modified. The API server's steps, in its order:
//
//  1. scheme defaulting, which the API server does while decoding: Job
//     (SetDefaults_Job and the pod template defaults);
//  2. the request namespace (CreateOptions.Namespace): a Job without a
//     namespace gets it; a Job naming another one is rejected with a 400
//     RequestError ("the namespace of the provided object does not match
//     the namespace sent on the request");
//  3. system fields from the request are wiped: creationTimestamp, uid,
//     deletionTimestamp, deletionGracePeriodSeconds, selfLink;
//  4. duplicate owner references (same UID and otherwise equal) are
//     dropped, with the API server's warning naming their UIDs;
//  5. system fields are filled: creationTimestamp from Now, uid from UID;
//  6. a Job with generateName and no name is named: GeneratedName, else
//     GenerateName(generateName, Random);
//  7. the create strategy: GenerateSelector unless manualSelector (the
//     selector and the four labels from uid and name), then
//     PrepareForCreate (status cleared, generation 1, disabled fields
//     dropped);
//  8. validation.ValidateJob; failures are a *field.InvalidError
//     (Job.batch "name" is invalid: ...) and no strategy warning is added;
//  9. validation.WarningsOnCreate;
//  10. storage: a request carrying metadata.resourceVersion is refused
//     (500 RequestError "resourceVersion should not be set on objects to
//     be created"), after the warnings of step 9.
//
// apiVersion and kind of the result are batch/v1 and Job. What Create does
// not emulate: admission (no webhook or admission plugin runs),
// metadata.managedFields (kept as given; the server adds its field-manager
// entry), metadata.resourceVersion of the stored object (assigned by
// storage; empty here), and name conflicts with stored Jobs (the server
// retries a generated name up to 8 times).
//
// The returned Job is nil when step 2 rejects the request; otherwise it is
// the object as validated, also when err is non-nil. Warnings are those
// sent with the response, also on rejection (step 4's come first, whatever
// happens). A nil in is an empty Job.
func Create(in *job.Job, opts CreateOptions) (*job.Job, []string, error) {
	if in == nil {
		in = &job.Job{}
	}
	out := in.DeepCopy() // the one copy; every step below works in place
	setJobDefaults(out)
	out.APIVersion, out.Kind = "batch/v1", "Job"

	ns := opts.Namespace
	if ns == "" {
		ns = out.Namespace
	}
	if ns == "" {
		ns = DefaultNamespace
	}
	if out.Namespace != "" && out.Namespace != ns {
		return nil, nil, &RequestError{Code: 400, Reason: "BadRequest", Message: namespaceMismatchMessage}
	}
	out.Namespace = ns

	out.CreationTimestamp = job.Time{}
	out.UID = ""
	out.DeletionTimestamp = nil
	out.DeletionGracePeriodSeconds = nil
	out.SelfLink = ""

	var warnings []string
	refs, dups := dedupOwnerReferences(out.OwnerReferences)
	if len(dups) > 0 {
		out.OwnerReferences = refs
		warnings = append(warnings, fmt.Sprintf(duplicateOwnerReferenceFormat, strings.Join(dups, ", ")))
	}

	out.CreationTimestamp = job.NewTime(opts.Now)
	out.UID = opts.UID
	if out.UID == "" {
		out.UID = PlaceholderUID
	}
	if out.Name == "" && out.GenerateName != "" {
		out.Name = opts.GeneratedName
		if out.Name == "" {
			out.Name = GenerateName(out.GenerateName, opts.Random)
		}
	}

	if out.Spec.ManualSelector == nil || !*out.Spec.ManualSelector {
		generateSelector(out)
	}
	prepareForCreate(out)

	if errs := validation.ValidateJob(out, validation.DefaultOptions()); len(errs) > 0 {
		return out, warnings, field.NewInvalidError("Job", "batch", out.Name, errs)
	}
	warnings = append(warnings, validation.WarningsOnCreate(out)...)
	if out.ResourceVersion != "" {
		return out, warnings, &RequestError{Code: 500, Message: resourceVersionOnCreate}
	}
	return out, warnings, nil
}

// dedupOwnerReferences drops every owner reference equal to an earlier one
// (the API server's dedup: a repeated UID alone is kept when another field
// differs) and returns the kept list and the UID of each dropped one.
func dedupOwnerReferences(refs []job.OwnerReference) ([]job.OwnerReference, []string) {
	var kept []job.OwnerReference
	var dups []string
	for _, r := range refs {
		seen := false
		for _, k := range kept {
			if k.UID == r.UID && reflect.DeepEqual(k, r) {
				seen = true
				break
			}
		}
		if seen {
			dups = append(dups, string(r.UID))
			continue
		}
		kept = append(kept, r)
	}
	return kept, dups
}
