// Package manifest decodes and encodes batch/v1 Job and CronJob and core/v1
// Pod manifests in YAML (gopkg.in/yaml.v3) and JSON, strictly and losslessly.
//
// It is a leaf package so that package job stays stdlib-only: only
// job/jobtest, examples and users import it.
//
// Decoding (DecodeNode, DecodeJob, DecodeCronJob, DecodePod, DecodeJobs) resolves the YAML
// (aliases, merge keys, YAML 1.2 scalars), checks it against the Go types
// through their json tags, then hands JSON to encoding/json so that the
// types' own decoders run. Above the pod spec it is strict: an unknown or
// mistyped field is an *Error such as
//
//	line 12: spec.completion: unknown field "completion"
//
// Inside the pod template's spec, containers, env value sources and pod
// status, unmodelled members are kept verbatim (job.Unknown) and survive a
// round trip.
//
// Choices, where YAML readers differ:
//   - YAML 1.2 core schema (yaml.v3), not YAML 1.1 (yaml.v2, used by
//     kubectl through sigs.k8s.io/yaml): yes/no/on/off/y/n are strings. A
//     boolean field given one is an error that says so; unmodelled members
//     keep them as strings. Write true and false. EncodeYAML quotes such
//     strings, so its output reads the same under both schemas.
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
