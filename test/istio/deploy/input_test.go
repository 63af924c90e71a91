package deploytest

import (
	"fmt"
	"os"
	"strings"

	"istio.io/api/annotation"
	"istio.io/api/label"
	meshconfig "istio.io/api/mesh/v1alpha1"
	"istio.io/istio/pilot/pkg/config/kube/gatewaycommon"
	"istio.io/istio/pilot/pkg/features"
	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pkg/config/constants"
	"istio.io/istio/pkg/kube/inject"
	corev1 "k8s.io/api/core/v1"
	gateway "sigs.k8s.io/gateway-api/apis/v1"
	"sigs.k8s.io/yaml"
)

// caseFile is one case of cases/: a Gateway, optionally its Namespace (OpenShift UID ranges) and ConfigMaps (class
// defaults labelled gateway.istio.io/defaults-for-class, or the Gateway's infrastructure.parametersRef), and the
// cluster's Kubernetes version (`# kubeVersion: 127` anywhere in the file; default 134).
type caseFile struct {
	Gateway     gateway.Gateway
	Namespace   *corev1.Namespace
	ConfigMaps  []corev1.ConfigMap
	KubeVersion int
}

func loadCase(path string) (*caseFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &caseFile{KubeVersion: 134}
	found := false
	for _, doc := range strings.Split(string(raw), "\n---") {
		for _, line := range strings.Split(doc, "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "# kubeVersion:"); ok {
				if _, err := fmt.Sscan(v, &c.KubeVersion); err != nil {
					return nil, fmt.Errorf("%s: kubeVersion: %v", path, err)
				}
			}
		}
		var head struct{ Kind string }
		if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		var target any
		switch head.Kind {
		case "":
			continue
		case "Gateway":
			target, found = &c.Gateway, true
		case "Namespace":
			c.Namespace = &corev1.Namespace{}
			target = c.Namespace
		case "ConfigMap":
			c.ConfigMaps = append(c.ConfigMaps, corev1.ConfigMap{})
			target = &c.ConfigMaps[len(c.ConfigMaps)-1]
		default:
			return nil, fmt.Errorf("%s: unexpected kind %q", path, head.Kind)
		}
		if err := yaml.UnmarshalStrict([]byte(doc), target); err != nil {
			return nil, fmt.Errorf("%s: %s: %v", path, head.Kind, err)
		}
	}
	if !found {
		return nil, fmt.Errorf("%s holds no Gateway", path)
	}
	return c, nil
}

// setFeatures sets the istiod feature flags the deployment controller reads as a control plane rendered with these
// pilot env values would have them (ambient-only flags count only with PILOT_ENABLE_AMBIENT, as istiod does).
func setFeatures(pilotEnv map[string]string) {
	on := func(name string, def bool) bool {
		if v, ok := pilotEnv[name]; ok {
			return v == "true"
		}
		return def
	}
	ambient := on("PILOT_ENABLE_AMBIENT", false)
	features.EnableAmbientWaypoints = ambient && on("PILOT_ENABLE_AMBIENT_WAYPOINTS", true)
	features.EnableAmbientMultiNetwork = ambient && on("AMBIENT_ENABLE_MULTI_NETWORK", false)
	features.EnableAgentgateway = on("PILOT_ENABLE_AGENTGATEWAY", false)
	features.EnableGatewayAPICopyLabelsAnnotations = on("PILOT_ENABLE_GATEWAY_API_COPY_LABELS_ANNOTATIONS", true)
}

// classFor returns the class istiod serves under this GatewayClass name (Istio's own class tables, built from the
// feature flags just set), or false when this control plane would not deploy the Gateway.
func classFor(name gateway.ObjectName) (gatewaycommon.ClassInfo, bool) {
	controller, ok := gatewaycommon.GetAllClasses()[name]
	if !ok {
		return gatewaycommon.ClassInfo{}, false
	}
	ci, ok := gatewaycommon.GetClassInfos()[controller]
	return ci, ok && ci.Templates != ""
}

// templateInput builds what istiod's deployment controller hands a template for this Gateway (configureIstioGateway
// in pilot/pkg/config/kube/gatewaycommon/deploymentcontroller.go, whose helpers are unexported). Both templates get
// the very same value, so a slip here makes a case less realistic but never hides a difference between them.
func templateInput(c *caseFile, ci gatewaycommon.ClassInfo, rev, clusterID string, network string) gatewaycommon.TemplateInput {
	gw := c.Gateway.DeepCopy()
	uid, gid := inject.GetProxyIDs(c.Namespace)
	name := gatewaycommon.GetDefaultName(gw.Name, &gw.Spec, ci.DisableNameSuffix)
	serviceType := ci.DefaultServiceType
	if t, ok := gw.Annotations[annotation.NetworkingServiceType.Name]; ok {
		serviceType = corev1.ServiceType(t)
	}
	in := gatewaycommon.TemplateInput{
		Gateway:                   gw,
		GatewayClass:              string(gw.Spec.GatewayClassName),
		DeploymentName:            orDefault(gw.Annotations[annotation.GatewayNameOverride.Name], name),
		ServiceAccount:            orDefault(gw.Annotations[annotation.GatewayServiceAccount.Name], name),
		Ports:                     servicePorts(gw.Spec.Listeners),
		ServiceType:               serviceType,
		ClusterID:                 clusterID,
		KubeVersion:               c.KubeVersion,
		Revision:                  rev,
		NativeSidecars:            features.EnableNativeSidecars != features.NativeSidecarModeDisabled,
		ProxyUID:                  uid,
		ProxyGID:                  gid,
		InfrastructureLabels:      infrastructure(gw, gw.Labels, true),
		InfrastructureAnnotations: infrastructure(gw, gw.Annotations, false),
		GatewayNameLabel:          label.IoK8sNetworkingGatewayGatewayName.Name,
		IsEastWestGateway:         features.EnableAmbientMultiNetwork && ci.Controller == constants.ManagedGatewayEastWestController,
		ControllerLabel:           ci.ControllerLabel,
	}
	// Gateways that are neither waypoints nor east-west get dataplane-mode none unless they say otherwise;
	// waypoints and east-west gateways inherit the control plane's network.
	class := string(gw.Spec.GatewayClassName)
	meshClass := strings.Contains(class, "waypoint") || strings.Contains(class, "east-west")
	_, own := gw.Labels[label.IoIstioDataplaneMode.Name]
	_, infra := in.InfrastructureLabels[label.IoIstioDataplaneMode.Name]
	if features.EnableAmbientWaypoints && !meshClass && !own && !infra {
		in.InfrastructureLabels[label.IoIstioDataplaneMode.Name] = constants.DataplaneModeNone
	}
	if _, ok := gw.Labels[label.TopologyNetwork.Name]; !ok && network != "" && meshClass {
		in.InfrastructureLabels[label.TopologyNetwork.Name] = network
	}
	return in
}

// infrastructure is spec.infrastructure's labels or annotations when set (without gateway.networking.k8s.io/ keys),
// else a copy of the Gateway's own when istiod copies them.
func infrastructure(gw *gateway.Gateway, own map[string]string, labels bool) map[string]string {
	out := map[string]string{}
	if infra := gw.Spec.Infrastructure; infra != nil {
		from := map[gateway.LabelKey]gateway.LabelValue(nil)
		if labels && infra.Labels != nil {
			from = infra.Labels
		} else if !labels && infra.Annotations != nil {
			from = map[gateway.LabelKey]gateway.LabelValue{}
			for k, v := range infra.Annotations {
				from[gateway.LabelKey(k)] = gateway.LabelValue(v)
			}
		}
		if from != nil {
			for k, v := range from {
				if !strings.HasPrefix(string(k), "gateway.networking.k8s.io/") {
					out[string(k)] = string(v)
				}
			}
			return out
		}
	}
	if features.EnableGatewayAPICopyLabelsAnnotations {
		for k, v := range own {
			out[k] = v
		}
	}
	return out
}

// servicePorts: the status port, then one port per distinct listener port, named after the listener.
func servicePorts(listeners []gateway.Listener) []corev1.ServicePort {
	tcp := "tcp"
	ports := []corev1.ServicePort{{Name: "status-port", Port: 15021, AppProtocol: &tcp}}
	seen := map[int32]bool{}
	for i, l := range listeners {
		if seen[l.Port] {
			continue
		}
		seen[l.Port] = true
		name := strings.ReplaceAll(string(l.Name), ".", "-")
		if len(name) > 63 {
			name = name[:63]
		}
		if name == "" {
			name = fmt.Sprintf("%s-%d", strings.ToLower(string(l.Protocol)), i)
		}
		proto := strings.ToLower(string(l.Protocol))
		ports = append(ports, corev1.ServicePort{Name: name, Port: l.Port, AppProtocol: &proto})
	}
	return ports
}

// derivedInput is the full value a template executes on: the TemplateInput plus what istiod adds from its injector
// config (the same fields as the controller's unexported derivedInput).
type derivedInput struct {
	gatewaycommon.TemplateInput
	ProxyImage        string
	AgentgatewayImage string
	ProxyConfig       *meshconfig.ProxyConfig
	MeshConfig        *meshconfig.MeshConfig
	Values            map[string]any
}

// derive adds the images, the effective proxy config (mesh defaultConfig; no ProxyConfig resources) and a fresh copy
// of the values, so neither template can see what the other one did to them.
func derive(in gatewaycommon.TemplateInput, valuesJSON string, mc *meshconfig.MeshConfig) (derivedInput, error) {
	values, err := inject.NewValuesConfig(valuesJSON)
	if err != nil {
		return derivedInput{}, err
	}
	pc := model.GetProxyConfigs(model.NewFakeStore(), mc).EffectiveProxyConfig(&model.NodeMetadata{
		Namespace: in.Namespace,
		Labels:    map[string]string{label.IoK8sNetworkingGatewayGatewayName.Name: in.Name},
	}, mc)
	return derivedInput{
		TemplateInput:     in,
		ProxyImage:        inject.ProxyImage(values.Struct(), pc.GetImage(), in.Annotations),
		AgentgatewayImage: inject.AgentgatewayImage(values.Struct(), pc.GetImage(), in.Annotations),
		ProxyConfig:       pc,
		MeshConfig:        mc,
		Values:            values.Map(),
	}, nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
