package main

// The facts below are what the OpenAPI schema does not carry but the Go
// types of k8s.io/api/core/v1 (v0.37.2) fix: Go names, pointer-ness, named
// string types, embedded structs and the few omitempty rules that differ
// from "optional". Each is proved by the reflection test of module job/kube
// (TestTypesMatchK8sAPI), which compares every generated type with
// k8s.io/api's field by field.

// roots are the schemas whose reachable core/v1 types are generated.
var roots = []string{"io.k8s.api.batch.v1.Job", "io.k8s.api.batch.v1.CronJob"}

// corePrefix marks the schemas generated as types of package corev1.
const corePrefix = "io.k8s.api.core.v1."

// external maps the schemas of other API groups that core/v1 types refer to
// onto jobkit's hand-written types. A struct is a pointer field unless listed
// in valueFields and is copied with DeepCopy/DeepCopyInto; a value (plain
// data, copied by assignment) is a value field unless listed in
// pointerFields.
var external = map[string]extType{
	"io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta":    {goType: "metav1.ObjectMeta", isStruct: true},
	"io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector": {goType: "metav1.LabelSelector", isStruct: true},
	"io.k8s.apimachinery.pkg.apis.meta.v1.Time":          {goType: "metav1.Time"},
	"io.k8s.apimachinery.pkg.api.resource.Quantity":      {goType: "resource.Quantity"},
	"io.k8s.apimachinery.pkg.util.intstr.IntOrString":    {goType: "intstr.IntOrString"},
}

type extType struct {
	goType   string
	isStruct bool
}

// imports are the packages a generated file may need, by qualifier.
var imports = map[string]string{
	"metav1":   "github.com/jobkit/jobkit/job/metav1",
	"resource": "github.com/jobkit/jobkit/job/resource",
	"intstr":   "github.com/jobkit/jobkit/job/intstr",
}

// initialisms are the leading lower-case words of JSON member names that
// k8s.io/api spells in capitals in the Go field name ("fsType" → FSType,
// "tcpSocket" → TCPSocket). Every other name is its JSON name with the first
// letter upper-cased.
var initialisms = map[string]string{
	"api": "API", "aws": "AWS", "csi": "CSI", "dns": "DNS", "fc": "FC",
	"fs": "FS", "gce": "GCE", "gmsa": "GMSA", "grpc": "GRPC", "http": "HTTP",
	"ip": "IP", "iqn": "IQN", "iscsi": "ISCSI", "nfs": "NFS", "os": "OS",
	"pd": "PD", "rbd": "RBD", "se": "SE", "ssl": "SSL", "tcp": "TCP",
	"tty": "TTY", "uid": "UID",
}

// renames are Go field names that follow no rule, keyed by Go type and JSON
// member name.
var renames = map[string]string{
	"AzureDiskVolumeSource.diskURI":         "DataDiskURI",
	"GlusterfsVolumeSource.endpoints":       "EndpointsName",
	"ISCSIVolumeSource.chapAuthDiscovery":   "DiscoveryCHAPAuth",
	"ISCSIVolumeSource.chapAuthSession":     "SessionCHAPAuth",
	"PhotonPersistentDiskVolumeSource.pdID": "PdID",
	"PodSpec.serviceAccount":                "DeprecatedServiceAccount",
	"RBDVolumeSource.image":                 "RBDImage",
	"RBDVolumeSource.monitors":              "CephMonitors",
	"RBDVolumeSource.pool":                  "RBDPool",
	"RBDVolumeSource.user":                  "RadosUser",
	"VolumeSource.cephfs":                   "CephFS",
	"VolumeSource.storageos":                "StorageOS",
	"FCVolumeSource.wwids":                  "WWIDs",
}

// embeds lists, per type, the structs k8s.io/api embeds in it (anonymous
// fields) and the JSON members each takes. An embedded struct not in the
// schema (VolumeSource, ProbeHandler, EphemeralContainerCommon) is
// generated from those members of the outer schema; rest takes every member
// but those in except. tag is the embedded field's json name
// when it is not inlined (metadata).
var embeds = map[string][]embed{
	"Volume":                        {{goType: "VolumeSource", rest: true, except: []string{"name"}}},
	"Probe":                         {{goType: "ProbeHandler", members: []string{"exec", "httpGet", "tcpSocket", "grpc"}}},
	"EphemeralContainer":            {{goType: "EphemeralContainerCommon", rest: true, except: []string{"targetContainerName"}}},
	"PodTemplateSpec":               {{goType: "metav1.ObjectMeta", members: []string{"metadata"}, tag: "metadata"}},
	"PersistentVolumeClaimTemplate": {{goType: "metav1.ObjectMeta", members: []string{"metadata"}, tag: "metadata"}},
	"ConfigMapVolumeSource":         {localRef},
	"ConfigMapProjection":           {localRef},
	"ConfigMapEnvSource":            {localRef},
	"ConfigMapKeySelector":          {localRef},
	"SecretEnvSource":               {localRef},
	"SecretKeySelector":             {localRef},
	"SecretProjection":              {localRef},
}

var localRef = embed{goType: "LocalObjectReference", members: []string{"name"}}

// embedFirst names the members that stay before the embedded struct (Go
// field order, hence JSON member order); every other member follows it.
var embedFirst = map[string][]string{"Volume": {"name"}}

type embed struct {
	goType  string
	members []string
	rest    bool
	except  []string
	tag     string
}

// noUnknown are the types without an Unknown: they are only ever embedded
// (their unknown members are the outer type's) or, for LocalObjectReference,
// embedded in seven types, where a JSON method of its own would take over
// the outer type's encoding. A member they do not model is still reported
// by strict decoding; it is dropped, as the API server drops it.
var noUnknown = map[string]bool{
	"VolumeSource": true, "ProbeHandler": true, "EphemeralContainerCommon": true,
	"LocalObjectReference": true,
}

// valueFields are members referring to a struct schema that k8s.io/api
// declares as a value, not a pointer.
var valueFields = set(
	"Container.resources",
	"EphemeralContainerCommon.resources",
	"PersistentVolumeClaimSpec.resources",
	"PersistentVolumeClaimTemplate.spec",
	"PodTemplateSpec.spec",
	"PreferredSchedulingTerm.preference",
	"WeightedPodAffinityTerm.podAffinityTerm",
)

// pointerFields are members of scalar type (string, integer, boolean,
// Quantity) that k8s.io/api declares as pointers: optional values whose
// absence differs from the zero value.
var pointerFields = set(
	"AppArmorProfile.localhostProfile",
	"AzureDiskVolumeSource.cachingMode", "AzureDiskVolumeSource.fsType",
	"AzureDiskVolumeSource.kind", "AzureDiskVolumeSource.readOnly",
	"CSIVolumeSource.fsType", "CSIVolumeSource.readOnly",
	"ClusterTrustBundleProjection.name", "ClusterTrustBundleProjection.optional",
	"ClusterTrustBundleProjection.signerName", "ClusterTrustBundleProjection.user",
	"ConfigMapEnvSource.optional", "ConfigMapKeySelector.optional", "ConfigMapProjection.optional",
	"ConfigMapVolumeSource.defaultMode", "ConfigMapVolumeSource.defaultUser", "ConfigMapVolumeSource.optional",
	"Container.restartPolicy", "EphemeralContainerCommon.restartPolicy",
	"DownwardAPIVolumeFile.mode", "DownwardAPIVolumeFile.user",
	"DownwardAPIVolumeSource.defaultMode", "DownwardAPIVolumeSource.defaultUser",
	"EmptyDirVolumeSource.mode", "EmptyDirVolumeSource.sizeLimit",
	"EvictionResponder.priority",
	"FCVolumeSource.lun",
	"FileKeySelector.optional",
	"GRPCAction.mode", "GRPCAction.service",
	"HTTPGetAction.protocol",
	"HostPathVolumeSource.type",
	"ISCSIVolumeSource.initiatorName",
	"KeyToPath.mode", "KeyToPath.user",
	"Lifecycle.stopSignal",
	"PersistentVolumeClaimSpec.storageClassName", "PersistentVolumeClaimSpec.volumeAttributesClassName",
	"PersistentVolumeClaimSpec.volumeMode",
	"PodCertificateProjection.maxExpirationSeconds", "PodCertificateProjection.user",
	"PodDNSConfigOption.value",
	"PodResourceClaim.resourceClaimName", "PodResourceClaim.resourceClaimTemplateName",
	"PodSchedulingGroup.podGroupName",
	"PodSecurityContext.fsGroup", "PodSecurityContext.fsGroupChangePolicy", "PodSecurityContext.runAsGroup",
	"PodSecurityContext.runAsNonRoot", "PodSecurityContext.runAsUser", "PodSecurityContext.seLinuxChangePolicy",
	"PodSecurityContext.supplementalGroupsPolicy",
	"PodSpec.activeDeadlineSeconds", "PodSpec.automountServiceAccountToken", "PodSpec.enableServiceLinks",
	"PodSpec.hostUsers", "PodSpec.hostnameOverride", "PodSpec.preemptionPolicy", "PodSpec.priority",
	"PodSpec.runtimeClassName", "PodSpec.setHostnameAsFQDN", "PodSpec.shareProcessNamespace",
	"PodSpec.terminationGracePeriodSeconds",
	"Probe.terminationGracePeriodSeconds",
	"ProjectedVolumeSource.defaultMode", "ProjectedVolumeSource.defaultUser",
	"SeccompProfile.localhostProfile",
	"SecretEnvSource.optional", "SecretKeySelector.optional", "SecretProjection.optional",
	"SecretVolumeSource.defaultMode", "SecretVolumeSource.defaultUser", "SecretVolumeSource.optional",
	"SecurityContext.allowPrivilegeEscalation", "SecurityContext.privileged", "SecurityContext.procMount",
	"SecurityContext.readOnlyRootFilesystem", "SecurityContext.runAsGroup", "SecurityContext.runAsNonRoot",
	"SecurityContext.runAsUser",
	"ServiceAccountTokenProjection.expirationSeconds", "ServiceAccountTokenProjection.user",
	"Toleration.tolerationSeconds",
	"TopologySpreadConstraint.minDomains", "TopologySpreadConstraint.nodeAffinityPolicy",
	"TopologySpreadConstraint.nodeTaintsPolicy",
	"TypedLocalObjectReference.apiGroup", "TypedObjectReference.apiGroup", "TypedObjectReference.namespace",
	"VolumeMount.mountPropagation", "VolumeMount.recursiveReadOnly",
	"WindowsSecurityContextOptions.gmsaCredentialSpec", "WindowsSecurityContextOptions.gmsaCredentialSpecName",
	"WindowsSecurityContextOptions.hostProcess", "WindowsSecurityContextOptions.runAsUserName",
)

// omitFlip are the members whose omitempty differs from the schema's
// required list: required but omitempty, or optional without omitempty.
var omitFlip = set(
	"ContainerRestartRule.action",
	"ContainerRestartRuleOnExitCodes.operator",
	"GRPCAction.service",
	"PodCertificateProjection.keyType",
	"PodCertificateProjection.signerName",
	"ProjectedVolumeSource.sources",
	"TypedLocalObjectReference.apiGroup",
	"TypedObjectReference.apiGroup",
)

// namedFields are the members whose Go type is a named type of package
// corev1 (or, qualified, of metav1) instead of string: for a list, the
// element type; for a map, the whole map type.
var namedFields = map[string]string{
	"AppArmorProfile.type":                              "AppArmorProfileType",
	"AzureDiskVolumeSource.cachingMode":                 "AzureDataDiskCachingMode",
	"AzureDiskVolumeSource.kind":                        "AzureDataDiskKind",
	"Capabilities.add":                                  "Capability",
	"Capabilities.drop":                                 "Capability",
	"Container.imagePullPolicy":                         "PullPolicy",
	"Container.restartPolicy":                           "ContainerRestartPolicy",
	"Container.terminationMessagePolicy":                "TerminationMessagePolicy",
	"ContainerPort.protocol":                            "Protocol",
	"ContainerResizePolicy.resourceName":                "ResourceName",
	"ContainerResizePolicy.restartPolicy":               "ResourceResizeRestartPolicy",
	"ContainerRestartRule.action":                       "ContainerRestartRuleAction",
	"ContainerRestartRuleOnExitCodes.operator":          "ContainerRestartRuleOnExitCodesOperator",
	"EmptyDirVolumeSource.medium":                       "StorageMedium",
	"EphemeralContainerCommon.imagePullPolicy":          "PullPolicy",
	"EphemeralContainerCommon.restartPolicy":            "ContainerRestartPolicy",
	"EphemeralContainerCommon.terminationMessagePolicy": "TerminationMessagePolicy",
	"GRPCAction.mode":                                   "GRPCProbeMode",
	"HTTPGetAction.protocol":                            "HTTPProtocol",
	"HTTPGetAction.scheme":                              "URIScheme",
	"HostPathVolumeSource.type":                         "HostPathType",
	"ImageVolumeSource.pullPolicy":                      "PullPolicy",
	"Lifecycle.stopSignal":                              "Signal",
	"NodeSelectorRequirement.operator":                  "NodeSelectorOperator",
	"ObjectReference.uid":                               "metav1.UID",
	"PersistentVolumeClaimSpec.accessModes":             "PersistentVolumeAccessMode",
	"PersistentVolumeClaimSpec.volumeMode":              "PersistentVolumeMode",
	"PodOS.name":                                        "OSName",
	"PodReadinessGate.conditionType":                    "PodConditionType",
	"PodSecurityContext.seLinuxChangePolicy":            "PodSELinuxChangePolicy",
	"PodSecurityContext.fsGroupChangePolicy":            "PodFSGroupChangePolicy",
	"PodSecurityContext.supplementalGroupsPolicy":       "SupplementalGroupsPolicy",
	"PodSpec.dnsPolicy":                                 "DNSPolicy",
	"PodSpec.overhead":                                  "ResourceList",
	"PodSpec.preemptionPolicy":                          "PreemptionPolicy",
	"PodSpec.restartPolicy":                             "RestartPolicy",
	"ResourceRequirements.limits":                       "ResourceList",
	"ResourceRequirements.requests":                     "ResourceList",
	"SeccompProfile.type":                               "SeccompProfileType",
	"SecurityContext.procMount":                         "ProcMountType",
	"Toleration.effect":                                 "TaintEffect",
	"Toleration.operator":                               "TolerationOperator",
	"TopologySpreadConstraint.nodeAffinityPolicy":       "NodeInclusionPolicy",
	"TopologySpreadConstraint.nodeTaintsPolicy":         "NodeInclusionPolicy",
	"TopologySpreadConstraint.whenUnsatisfiable":        "UnsatisfiableConstraintAction",
	"VolumeMount.mountPropagation":                      "MountPropagationMode",
	"VolumeMount.recursiveReadOnly":                     "RecursiveReadOnlyMode",
	"VolumeResourceRequirements.limits":                 "ResourceList",
	"VolumeResourceRequirements.requests":               "ResourceList",
}

// namedTypes are the named types of package corev1 that are not structs,
// with their underlying type.
var namedTypes = map[string]string{
	"ResourceList":                            "map[ResourceName]resource.Quantity",
	"ResourceName":                            "string",
	"AppArmorProfileType":                     "string",
	"AzureDataDiskCachingMode":                "string",
	"AzureDataDiskKind":                       "string",
	"Capability":                              "string",
	"ContainerRestartPolicy":                  "string",
	"ContainerRestartRuleAction":              "string",
	"ContainerRestartRuleOnExitCodesOperator": "string",
	"DNSPolicy":                               "string",
	"GRPCProbeMode":                           "string",
	"HTTPProtocol":                            "string",
	"HostPathType":                            "string",
	"MountPropagationMode":                    "string",
	"NodeInclusionPolicy":                     "string",
	"NodeSelectorOperator":                    "string",
	"OSName":                                  "string",
	"PersistentVolumeAccessMode":              "string",
	"PersistentVolumeMode":                    "string",
	"PodConditionType":                        "string",
	"PodFSGroupChangePolicy":                  "string",
	"PodSELinuxChangePolicy":                  "string",
	"PreemptionPolicy":                        "string",
	"ProcMountType":                           "string",
	"Protocol":                                "string",
	"PullPolicy":                              "string",
	"RecursiveReadOnlyMode":                   "string",
	"ResourceResizeRestartPolicy":             "string",
	"RestartPolicy":                           "string",
	"SeccompProfileType":                      "string",
	"Signal":                                  "string",
	"StorageMedium":                           "string",
	"SupplementalGroupsPolicy":                "string",
	"TaintEffect":                             "string",
	"TerminationMessagePolicy":                "string",
	"TolerationOperator":                      "string",
	"URIScheme":                               "string",
	"UnsatisfiableConstraintAction":           "string",
}

func set(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}
