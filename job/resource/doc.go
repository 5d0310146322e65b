// Package resource is the Kubernetes resource quantity ("500m", "1Gi",
// "1e3"): a fixed-point decimal number with the parse rules, the canonical
// text and the JSON form of apimachinery's resource.Quantity (v0.37.2).
//
// # Parsing
//
// ParseQuantity accepts a signed decimal number (digits with at most one
// '.', "1.", ".5" and "." included) followed by one suffix: a decimal SI
// suffix (n u m k M G T P E, or none), a binary SI suffix (Ki Mi Gi Ti Pi
// Ei) or a decimal exponent (e or E with an optional sign and digits, read
// as a 64-bit integer and truncated to 32 bits as upstream does). Values
// finer than 1n round up, away from zero, to a multiple of 1n. A binary-SI
// value whose magnitude exceeds 2^63-1 saturates to 2^63-1, and one whose
// magnitude is below 1 takes the decimal-SI format. The errors are
// upstream's: ErrFormatWrong when the text does not have the shape above
// (the empty string and surrounding spaces included), ErrSuffix when the
// suffix is unknown ("1i", "0.1mi", "1e-"), ErrNumeric when the number has
// no digit where upstream needs one (".e-10").
//
// # The API server's message for a bad quantity
//
// A manifest member of quantity type ("resources": {"limits": {"cpu":
// "1x"}}) is decoded by Quantity.UnmarshalJSON. Its error is returned as
// is by the JSON decoder (no field path, no "json:" prefix) and ends the
// decode at once: it wins over any unknown-field or type error collected
// before it. The API server answers 400 Bad Request with the message
//
//	Job in version "v1" cannot be handled as a Job: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
//
// that is "<kind> in version \"<version>\" cannot be handled as a
// <kind>: " followed by the text of the error UnmarshalJSON returned
// (ErrFormatWrong, ErrSuffix "unable to parse quantity's suffix" or
// ErrNumeric "unable to parse numeric part of quantity"); kubectl prints it
// after `Error from server (BadRequest): error when creating "FILE": `.
// The same error is returned for a JSON value of another type (true, {},
// []), since the decoder hands the raw value to UnmarshalJSON.
//
// # Canonical text
//
// String gives the text the API server stores: the format of the parsed
// text is kept (decimal SI, binary SI, decimal exponent), the mantissa is
// the smallest integer that, with a suffix (or an exponent that is a
// multiple of 3), represents the value exactly: "0.5" is "500m", "1000m"
// is "1", "1024Mi" is "1Gi", "1.5Gi" is "1536Mi", "1e400" is "10e399".
// Binary-SI values below 1024 in magnitude or not whole print in decimal
// SI. As upstream, a decimal-SI value whose exponent is beyond the suffix
// table prints with no suffix ("1000E" is "1"), and a text already in
// canonical form is kept verbatim ("1E3", "+1").
//
// # Memory
//
// Values with at most 18 significant digits are held in an int64 and a
// scale; longer ones as their decimal digits and an exponent, so every
// operation is linear in the length of the text (upstream's math/big
// representation needs memory exponential in the exponent for inputs such
// as "1234567890123456789e400000000"; the outcomes are the same).
package resource
