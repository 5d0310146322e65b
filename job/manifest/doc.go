// Package manifest decodes and encodes batch/v1 Job and CronJob and core/v1
// Pod manifests in YAML (gopkg.in/yaml.v3) and JSON, strictly and losslessly.
//
// It is a leaf package so that package job stays stdlib-only: only
// job/jobtest, examples and users import it.
//
// Decoding (DecodeNode, DecodeJob, DecodeCronJob, DecodePod, DecodeJobs and their ...With
// forms taking Options) reads a document as the API server reads a request
// body, at a field validation level (Strict, Warn, Ignore; see
// DecodeNodeWith), with the API server's messages and the YAML line:
//
//	line 12: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolice"
//	line 7: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32
//	line 9: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
//
// (the API server answers `Job in version "v1" cannot be handled as a Job: `
// followed by the message). Module job/kube proves the messages against
// apimachinery's strict decoder. The pod status is modelled in part: its
// other members are kept verbatim (job.Unknown) at every level; a member
// unknown to the v1.37.2 model elsewhere is kept in Unknown at levels Warn
// and Ignore, so it survives a round trip.
//
// Choices, where YAML readers differ:
//   - Decoding reads scalars as the API server's YAML reader
//     (sigs.k8s.io/yaml, YAML 1.1 booleans) does: plain yes/no/on/off/y/n
//     are booleans, so "image: y" is a type error for a string, as the API
//     server reports it. NodeToJSON keeps the YAML 1.2 core schema
//     (yaml.v3), where they are strings. EncodeYAML quotes such strings, so
//     its output reads the same under both schemas.
//   - A key given twice is a duplicate field (an error at Strict, a warning
//     at Warn; the later value wins), as the API server reports it for a
//     JSON body (a YAML body sent as is gets the YAML reader's "key ...
//     already set in map" instead; kubectl collapses duplicates first).
//   - null, ~ and empty values mean "absent" (the field keeps its zero
//     value), as in Kubernetes.
//   - Integers are exact: 9007199254740993 stays 9007199254740993 (no
//     float64 on the way). 0x, 0o, 0b, legacy 0777 octal and _ separators
//     are read as yaml.v3 reads them.
//   - A bare 1.0, 42 or true in a string field is an error (quote it), as
//     the API server would reject the JSON kubectl sends.
//   - Duplicate keys are an error; merge keys may override nothing the
//     mapping sets itself.
//   - Input is bounded: 3 MiB (MaxInputBytes), 10,000 levels of nesting,
//     16 Mi of expanded size (nodes plus bytes) after aliases and 256 Ki
//     members copied by merge keys, so alias and merge bombs fail fast
//     instead of exhausting memory. Memory is otherwise linear in the
//     input; yaml.v3's node tree dominates it (about 120 bytes per byte
//     for a flow list of one-digit numbers, the worst case).
package manifest
