package validation

import (
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"

	"github.com/jobkit/jobkit/validation/field"
)

// The IP-address members of the content-validator family, with the rules
// Kubernetes 1.37 applies to its "legacy" IP fields (pod hostAliases, DNS
// nameservers, hostIP, ...): the address is parsed as the API server's old
// (Go 1.15) parser did, which tolerated leading zeros in IPv4 octets and in
// IPv6 groups; with StrictIPCIDRValidation (beta, on by default in 1.37) the
// ambiguous forms are then rejected.

// StrictIPCIDRValidation is the 1.37 default of the gate of the same name.
const StrictIPCIDRValidation = true

const msgInvalidIP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"

// parseIPSloppy parses value like k8s.io/utils/net.ParseIPSloppy: an IPv4
// dotted quad or an IPv6 address (optionally ending in a dotted quad), no
// zone, with leading zeros allowed in every number. It returns nil when
// value is not an address.
func parseIPSloppy(value string) net.IP {
	std, ok := unpadIP(value)
	if !ok {
		return nil
	}
	return net.ParseIP(std)
}

// unpadIP rewrites value with the leading zeros of each number removed, so
// that the standard parser (which rejects them) can read it.
func unpadIP(value string) (string, bool) {
	if !strings.Contains(value, ":") {
		return unpadIPv4(value)
	}
	groups := strings.Split(value, ":")
	last := len(groups) - 1
	for i, g := range groups {
		if i == last && strings.Contains(g, ".") {
			v4, ok := unpadIPv4(g)
			if !ok {
				return "", false
			}
			groups[i] = v4
			continue
		}
		if g == "" {
			continue
		}
		if trimmed := strings.TrimLeft(g, "0"); trimmed == "" {
			groups[i] = "0"
		} else {
			groups[i] = trimmed
		}
	}
	return strings.Join(groups, ":"), true
}

// unpadIPv4 strips the leading zeros of the four decimal octets of value;
// it fails when value is not four non-empty runs of digits.
func unpadIPv4(value string) (string, bool) {
	parts := strings.Split(value, ".")
	if len(parts) != 4 {
		return "", false
	}
	for i, p := range parts {
		if p == "" || !scanBytes(p, false, isASCIIDigit) {
			return "", false
		}
		if trimmed := strings.TrimLeft(p, "0"); trimmed == "" {
			parts[i] = "0"
		} else {
			parts[i] = trimmed
		}
	}
	return strings.Join(parts, "."), true
}

// parseIP is the shared first step of the IP checks: Invalid msgInvalidIP
// when value is not an address at all; with strict, Invalid "must not have
// leading 0s" when only the sloppy parser reads it, and Invalid "must not
// be an IPv4-mapped IPv6 address" for ::ffff:a.b.c.d.
func parseIP(path *field.Path, value string, strict bool) (net.IP, field.ErrorList) {
	ip := parseIPSloppy(value)
	if ip == nil {
		return nil, field.ErrorList{field.Invalid(path, value, msgInvalidIP)}
	}
	var errs field.ErrorList
	if strict {
		addr, err := netip.ParseAddr(value)
		if err != nil {
			errs = append(errs, field.Invalid(path, value, "must not have leading 0s"))
		}
		if addr.Is4In6() {
			errs = append(errs, field.Invalid(path, value, "must not be an IPv4-mapped IPv6 address"))
		}
	}
	return ip, errs
}

// IsValidIPForLegacyField checks an IP address in a field that predates
// strict IP validation: any form the old parser read is accepted unless
// strict (pass StrictIPCIDRValidation) rejects leading zeros and
// IPv4-mapped IPv6 addresses. Non-canonical forms ("FE80:0::0abc") are
// accepted. A value listed in validOldIPs (the old object's, on update) is
// always accepted.
func IsValidIPForLegacyField(path *field.Path, value string, strict bool, validOldIPs []string) field.ErrorList {
	if slices.Contains(validOldIPs, value) {
		return nil
	}
	_, errs := parseIP(path, value, strict)
	return errs
}

// IsValidIP is the check of new IP fields: strict, and the value must be in
// canonical form ("must be in canonical form (\"<canonical>\")").
func IsValidIP(path *field.Path, value string) field.ErrorList {
	ip, errs := parseIP(path, value, true)
	if len(errs) > 0 {
		return errs
	}
	if s := ip.String(); value != s {
		return field.ErrorList{field.Invalid(path, value, fmt.Sprintf("must be in canonical form (%q)", s))}
	}
	return nil
}

// GetWarningsForIP returns the API server's warning for an address that
// IsValidIPForLegacyField accepted in a non-standard form: leading zeros or
// an IPv4-mapped IPv6 address ("<path>: non-standard IP address ... is
// invalid: use ..."), or a non-canonical IPv6 address ("<path>: IPv6 address
// ... should be in RFC 5952 canonical format (...)"). nil otherwise, and for
// a value that is not an address.
func GetWarningsForIP(path *field.Path, value string) []string {
	ip := parseIPSloppy(value)
	if ip == nil {
		return nil
	}
	addr, err := netip.ParseAddr(value)
	if err != nil || addr.Is4In6() {
		return []string{fmt.Sprintf("%s: non-standard IP address %q is invalid: use %q", path, value, ip.String())}
	}
	if addr.Is6() && addr.String() != value {
		return []string{fmt.Sprintf("%s: IPv6 address %q should be in RFC 5952 canonical format (%q)", path, value, addr.String())}
	}
	return nil
}
