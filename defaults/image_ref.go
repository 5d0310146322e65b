package defaults

import (
	"regexp"
	"strings"
)

// Image references, as far as the imagePullPolicy default needs them: the
// container runtime reference grammar (name [":" tag] ["@" digest]) that
// the API server's image-name parser accepts, and whether the reference
// pulls the tag "latest".

const (
	imagePathComponent = `[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*`
	imageDomain        = `(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?`
)

var (
	imageReference = regexp.MustCompile(`^((?:` + imageDomain + `/)?` + imagePathComponent + `(?:/` + imagePathComponent + `)*)` +
		`(?::([\w][\w.-]{0,127}))?` +
		`(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`)
	imageIdentifier = regexp.MustCompile(`^[a-f0-9]{64}$`)
)

// maxImageNameLength is the longest repository name (domain and path).
const maxImageNameLength = 255

// ImagePullPolicy returns the imagePullPolicy the API server gives a
// container (or an image volume) that names none: "Always" when image
// pulls the tag "latest", else "IfNotPresent" (see pullsLatest).
func ImagePullPolicy(image string) string {
	if pullsLatest(image) {
		return "Always"
	}
	return "IfNotPresent"
}

// pullsLatest reports whether image, read as the API server reads it to
// default imagePullPolicy, names the tag "latest": its tag is "latest", or
// it has neither tag nor digest (the runtime then pulls "latest"). An
// image that does not parse (empty, upper case in the path, a bare 64-hex
// identifier, a name over 255 characters) does not pull latest.
func pullsLatest(image string) bool {
	if imageIdentifier.MatchString(image) {
		return false
	}
	// The first path element is a registry only when it looks like one
	// (a dot or a colon, or "localhost", or upper case); otherwise the
	// whole reference is a Docker Hub path, which must be lower case.
	if i := strings.IndexByte(image, '/'); i < 0 ||
		(!strings.ContainsAny(image[:i], ".:") && image[:i] != "localhost" && strings.ToLower(image[:i]) == image[:i]) {
		rest := image
		if j := strings.IndexAny(rest, ":@"); j >= 0 {
			rest = rest[:j]
		}
		if strings.ToLower(rest) != rest {
			return false
		}
	}
	m := imageReference.FindStringSubmatch(image)
	if m == nil || len(m[1]) > maxImageNameLength {
		return false
	}
	tag, digest := m[2], m[3]
	return tag == "latest" || (tag == "" && digest == "")
}
