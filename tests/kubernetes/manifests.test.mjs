// deploy/kubernetes as a cluster would receive it (each overlay rendered by ./kustomize.mjs): valid
// against the Kubernetes API schema (kubernetes-models), and agreeing with the code and dapr/ on
// what the parts expect: ports, app ids, protocols, configuration keys, health endpoints, the Dapr
// components, Secrets by reference only. No cluster, kubectl or Docker engine runs here.
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { render, loadDocuments, key, repositoryRoot as root } from "./kustomize.mjs";
import { unknownFields } from "./fields.mjs";

const deploy = join(root, "deploy", "kubernetes");
const overlays = { base: join(deploy, "base"), production: join(deploy, "overlays", "production") };
const read = (...path) => readFileSync(join(root, ...path), "utf8");

// The six parts, their projects, and the app ids the code gives them: the gateway's YARP backends
// (GatewayRoutes.Backends, "its Dapr app id is its name") and its portal route.
const projects = {
  identity: "services/Identity", registration: "services/Registration", objections: "services/Objections",
  notifications: "services/Notifications", portal: "portal", gateway: "gateway",
};
const routes = read("gateway", "GatewayRoutes.cs");
const backendIds = [...routes.matchAll(/new\("([a-z]+)", Address\("([A-Za-z]+)"\)/g)].map((m) => m[1]);
const portalId = routes.match(/const string name = "([a-z]+)";/)[1];
const [daprRun] = loadDocuments(join(root, "dapr", "dapr.yaml"));

function sources(folder) {
  return readdirSync(join(root, folder)).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(join(root, path)).isDirectory()) return ["bin", "obj"].includes(entry) ? [] : sources(path);
    return path.endsWith(".cs") ? [read(path)] : [];
  });
}
// What a part's process runs: its project, and ServiceDefaults where it builds on them.
const partSource = Object.fromEntries(Object.entries(projects).map(([part, folder]) => {
  const own = sources(folder).join("\n");
  return [part, own.includes("MapServiceDefaults()") ? own + read("building-blocks", "ServiceDefaults", "ServiceDefaultsExtensions.cs") : own];
}));

// The configuration keys the code reads: a settings class's section (its Section constant) followed
// by one of its properties ("Bus:RabbitMq" + Host), other string literals shaped like keys
// ("Data:Directory", $"Services:{name}"), and the words that follow a key read whole (a list's
// items' properties, entry["ClientId"]).
const codeFiles = ["services", "gateway", "portal", "building-blocks"].flatMap(sources);
const propertiesOf = (file) => [...file.matchAll(/public [\w<>?,\[\]\s]+ (\w+) \{ get;/g)].map((m) => m[1]);
const sections = codeFiles.flatMap((file) => {
  const section = file.match(/const string Section = "([^"]+)"/)?.[1];
  return section ? [{ section, keys: propertiesOf(file).map((p) => `${section}:${p}`) }] : [];
});
const sectionNames = new Set(sections.map((s) => s.section));
const literals = new Set(codeFiles.flatMap((file) => {
  const section = file.match(/const string Section = "([^"]+)"/)?.[1];
  return [...file.matchAll(/\$?"([^"\n]*)"/g)].map((m) => section ? m[1].replaceAll("{Section}", section) : m[1]);
}));
// A bare section name is no key: only its properties are.
const keyPatterns = [...literals].filter((l) => /^[A-Z][A-Za-z]*(:[A-Za-z0-9{}]+)+$/.test(l) && !sectionNames.has(l))
  .concat(sections.flatMap((s) => s.keys))
  .map((l) => new RegExp(`^${l.replace(/\{[^}]+\}/g, "([A-Za-z]+)")}$`, "i"));
const words = new Set([...literals].filter((l) => /^[A-Za-z]+$/.test(l)).concat(
  codeFiles.flatMap(propertiesOf)));
const databases = new Set(codeFiles.flatMap((file) => [...file.matchAll(/AddServiceDatabase<[\w, ]+>\("([a-z]+)"\)/g)].map((m) => m[1])));

function isKeyTheCodeReads(name) {
  if (name === "ASPNETCORE_URLS") return true; // ASP.NET Core's own listener setting.
  const segments = name.split("__");
  const configKey = segments.join(":");
  if (segments[0] === "Logging") return true; // The framework's logging section.
  if (name.startsWith("OTEL_")) return literals.has(name); // OpenTelemetry's standard variables the code names (OtlpExport).
  if (segments[0] === "ConnectionStrings") return segments.length === 2 && databases.has(segments[1]);
  const matches = (candidate) => keyPatterns.some((pattern) => {
    const m = candidate.match(pattern);
    return m !== null && m.slice(1).every((wildcard) => words.has(wildcard));
  });
  if (matches(configKey)) return true;
  // A section the code reads whole (GetSection, Bind), then the fields it reads inside it.
  return segments.some((_, i) => i > 0 && matches(segments.slice(0, i).join(":"))
    && segments.slice(i).every((segment) => /^\d+$/.test(segment) || words.has(segment)));
}

const kindsWithSchema = (apiVersion) => !apiVersion.startsWith("dapr.io/");
async function validateSchema(object) {
  const module = await import(`kubernetes-models/${object.apiVersion}`);
  const Model = module[object.kind];
  assert.ok(Model, `${object.apiVersion} ${object.kind} is not a Kubernetes API kind`);
  new Model(object).validate();
}

const rendered = Object.fromEntries(Object.entries(overlays).map(([name, folder]) => [name, render(folder)]));
const configMap = (objects) => objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === "accreditation");
const deployments = (objects) => objects.filter((o) => o.kind === "Deployment");
const container = (deployment) => deployment.spec.template.spec.containers.find((c) => c.name === deployment.metadata.name);
const partOf = (deployment) => deployment.metadata.name;
const annotations = (deployment) => deployment.spec.template.metadata.annotations ?? {};

// Every setting a container gets: the shared ConfigMap's and its own (the own one wins, as in Kubernetes).
function settings(objects, c) {
  const shared = (c.envFrom ?? []).flatMap((from) => {
    const map = objects.find((o) => o.kind === "ConfigMap" && o.metadata.name === from.configMapRef?.name);
    assert.ok(map, `envFrom names no ConfigMap of the manifests`);
    return Object.entries(map.data).map(([name, value]) => ({ name, value }));
  });
  return new Map([...shared, ...(c.env ?? [])].map((e) => [e.name, e]));
}

// The ports a part listens on, as configured, with the protocol its listener speaks.
function listeners(objects, deployment) {
  const env = settings(objects, container(deployment));
  const port = (url) => Number(new URL(url.replace("+", "0.0.0.0")).port);
  if (partOf(deployment) === "gateway") {
    const source = partSource.gateway;
    assert.match(source, /http\.Port, listen => listen\.Protocols = HttpProtocols\.Http1/);
    assert.match(source, /grpc\.Port, listen => listen\.Protocols = HttpProtocols\.Http2/);
    return [{ port: port(env.get("Gateway__HttpUrl").value), protocol: "http" }, { port: port(env.get("Gateway__GrpcUrl").value), protocol: "h2c" }];
  }
  // AddServiceDefaults makes every listener HTTP/2 only; the portal keeps Kestrel's HTTP/1.1.
  const http2Only = /ConfigureEndpointDefaults\(listen => listen\.Protocols = HttpProtocols\.Http2\)/.test(partSource[partOf(deployment)]);
  const urls = env.get("ASPNETCORE_URLS").value.split(";");
  return urls.map((url) => ({ port: port(url), protocol: http2Only ? "h2c" : "http" }));
}

function containerPort(c, port) {
  const found = c.ports.find((p) => p.name === port || p.containerPort === port);
  assert.ok(found, `${c.name} has no container port ${port}`);
  return found.containerPort;
}

for (const [overlay, objects] of Object.entries(rendered)) {
  describe(`${overlay}: every object`, () => {
    test("is valid against the Kubernetes API schema", async () => {
      for (const object of objects.filter((o) => kindsWithSchema(o.apiVersion))) {
        try { await validateSchema(object); } catch (error) { assert.fail(`${key(object)}: ${error.message}`); }
      }
    });

    test("has only fields its kind has (the schema above lets unknown ones pass)", () => {
      assert.deepEqual(objects.filter((o) => kindsWithSchema(o.apiVersion)).flatMap(unknownFields), []);
    });

    test("has a unique kind and name", () => {
      const keys = objects.map(key);
      assert.deepEqual(keys, [...new Set(keys)]);
    });

    test("commits no secret value: no Secret object, only references to Secrets", () => {
      assert.deepEqual(objects.filter((o) => o.kind === "Secret").map(key), []);
      for (const deployment of deployments(objects))
        for (const e of container(deployment).env ?? [])
          if (/password|secret/i.test(e.name)) assert.ok(e.valueFrom?.secretKeyRef, `${partOf(deployment)}: ${e.name} must come from a Secret`);
      for (const [name] of Object.entries(configMap(objects).data))
        assert.doesNotMatch(name, /password|secret/i, `the ConfigMap holds ${name}`);
    });

    test("names every Secret it references in the README, with its key", () => {
      const readme = read("deploy", "kubernetes", "README.md");
      const references = deployments(objects).flatMap((d) => (container(d).env ?? []).map((e) => e.valueFrom?.secretKeyRef).filter(Boolean))
        .concat(objects.filter((o) => o.kind === "Component").flatMap((c) => (c.spec.metadata ?? []).map((m) => m.secretKeyRef).filter(Boolean)));
      for (const { name, key: secretKey } of references)
        assert.ok(readme.split("\n").some((line) => line.includes(`\`${name}\``) && line.includes(`\`${secretKey}\``)),
          `README names no Secret ${name} with key ${secretKey}`);
    });
  });

  describe(`${overlay}: each part`, () => {
    test("has a Deployment and a ClusterIP Service selecting its pods", () => {
      assert.deepEqual(deployments(objects).map(partOf).sort(), Object.keys(projects).sort());
      for (const deployment of deployments(objects)) {
        const labels = deployment.spec.template.metadata.labels;
        assert.deepEqual(deployment.spec.selector.matchLabels, { "app.kubernetes.io/name": partOf(deployment) });
        assert.equal(labels["app.kubernetes.io/name"], partOf(deployment));
        const service = objects.find((o) => o.kind === "Service" && o.metadata.name === partOf(deployment));
        assert.ok(service, `${partOf(deployment)} has no Service`);
        assert.equal(service.spec.type, "ClusterIP");
        assert.deepEqual(service.spec.selector, deployment.spec.selector.matchLabels);
        for (const port of service.spec.ports) containerPort(container(deployment), port.targetPort);
      }
      assert.deepEqual(objects.filter((o) => o.kind === "Service" && o.spec.type !== "ClusterIP").map(key), []);
    });

    test("opens the container ports its listeners are configured on, and no other", () => {
      for (const deployment of deployments(objects))
        assert.deepEqual(container(deployment).ports.map((p) => p.containerPort).sort(),
          listeners(objects, deployment).map((l) => l.port).sort(), partOf(deployment));
    });

    test("has a Dapr sidecar with the app id, port and protocol the code and dapr/dapr.yaml use", () => {
      const ids = new Set([...backendIds, portalId, "gateway"]);
      assert.deepEqual(deployments(objects).map((d) => annotations(d)["dapr.io/app-id"]).sort(), [...ids].sort());
      assert.deepEqual(daprRun.apps.map((a) => a.appID).sort(), [...backendIds, "gateway"].sort());
      const configurations = objects.filter((o) => o.kind === "Configuration").map((o) => o.metadata.name);
      for (const deployment of deployments(objects)) {
        const dapr = annotations(deployment);
        const id = dapr["dapr.io/app-id"];
        assert.equal(dapr["dapr.io/enabled"], "true");
        assert.ok(configurations.includes(dapr["dapr.io/config"]), `${id}: Dapr configuration ${dapr["dapr.io/config"]} is not deployed`);
        const run = daprRun.apps.find((a) => a.appID === id);
        if (id === "gateway") {
          // Nothing invokes the gateway through Dapr (no appPort in dapr.yaml either).
          assert.equal(dapr["dapr.io/app-port"], undefined);
          assert.equal(run.appPort, undefined);
          continue;
        }
        const [listener] = listeners(objects, deployment);
        assert.equal(Number(dapr["dapr.io/app-port"]), listener.port, id);
        assert.equal(dapr["dapr.io/app-protocol"], listener.protocol, id);
        if (run) assert.equal(dapr["dapr.io/app-protocol"], run.appProtocol, `${id}: dapr.yaml says ${run.appProtocol}`);
      }
    });

    test("gets only environment variables that name configuration keys the code reads", () => {
      for (const deployment of deployments(objects))
        for (const name of settings(objects, container(deployment)).keys())
          assert.ok(isKeyTheCodeReads(name), `${partOf(deployment)}: ${name} is no configuration key the code reads`);
    });

    test("is told the other parts' addresses as their Services and ports", () => {
      const services = objects.filter((o) => o.kind === "Service");
      const urls = Object.entries(configMap(objects).data).filter(([name]) => /^(Services|Identity)__(\w+)$/.test(name) && !name.endsWith("__Issuer"));
      assert.deepEqual(urls.filter(([name]) => name.startsWith("Services__")).map(([name]) => name.split("__")[1].toLowerCase()).sort(),
        Object.keys(projects).filter((p) => p !== "gateway").sort());
      for (const [name, value] of urls) {
        const url = new URL(value);
        const service = services.find((s) => s.metadata.name === url.hostname);
        assert.ok(service, `${name}: no Service ${url.hostname}`);
        const port = service.spec.ports.find((p) => p.port === Number(url.port));
        assert.ok(port, `${name}: Service ${url.hostname} has no port ${url.port}`);
        const deployment = deployments(objects).find((d) => partOf(d) === url.hostname);
        const listener = listeners(objects, deployment).find((l) => l.port === containerPort(container(deployment), port.targetPort));
        // The services speak h2c; the callers (JwtBearer, gRPC clients) are set up for it.
        assert.equal(listener.protocol, url.hostname === "portal" ? "http" : "h2c", name);
      }
    });

    test("is probed on a health endpoint it maps, in the protocol of that listener", () => {
      for (const deployment of deployments(objects)) {
        const c = container(deployment);
        const source = partSource[partOf(deployment)];
        const ports = listeners(objects, deployment);
        for (const kind of ["startupProbe", "readinessProbe", "livenessProbe"]) {
          const probe = c[kind];
          assert.ok(probe, `${partOf(deployment)} has no ${kind}`);
          const listener = ports.find((l) => l.port === containerPort(c, (probe.grpc ?? probe.httpGet).port));
          if (probe.grpc) {
            assert.match(source, /MapGrpcHealthChecksService\(\)/, `${partOf(deployment)} maps no gRPC health service`);
            assert.equal(listener.protocol, "h2c", `${partOf(deployment)} ${kind}: gRPC needs an HTTP/2 listener`);
          } else {
            assert.ok(source.includes(`MapHealthChecks("${probe.httpGet.path}")`), `${partOf(deployment)} maps no ${probe.httpGet.path}`);
            // The kubelet's HTTP probes speak HTTP/1.1, which an HTTP/2-only listener refuses.
            assert.equal(listener.protocol, "http", `${partOf(deployment)} ${kind}: HTTP probe at an HTTP/2-only port`);
            assert.equal(probe.httpGet.scheme ?? "HTTP", "HTTP");
          }
        }
      }
    });

    test("asks for and is limited to CPU and memory", () => {
      for (const deployment of deployments(objects))
        for (const c of deployment.spec.template.spec.containers) {
          for (const bound of ["requests", "limits"])
            assert.deepEqual(Object.keys(c.resources?.[bound] ?? {}).sort(), ["cpu", "memory"], `${c.name} ${bound}`);
          for (const resource of ["cpu", "memory"])
            assert.ok(annotations(deployment)[`dapr.io/sidecar-${resource}-limit`], `${c.name}: the sidecar's ${resource} limit`);
        }
    });

    test("runs from the image the README says how to build", () => {
      const readme = read("deploy", "kubernetes", "README.md");
      for (const deployment of deployments(objects)) {
        const image = container(deployment).image;
        assert.match(image, new RegExp(`accreditation/${partOf(deployment)}:[\\w.-]+$`));
        assert.ok(readme.includes(`ContainerRepository=accreditation/${partOf(deployment)}`), `README builds no accreditation/${partOf(deployment)}`);
      }
    });

    test("keeps its files on a volume only one pod mounts at a time, or a shared one when replicated", () => {
      const claims = objects.filter((o) => o.kind === "PersistentVolumeClaim");
      for (const deployment of deployments(objects)) {
        const spec = deployment.spec.template.spec;
        const env = settings(objects, container(deployment));
        const mounted = (path) => container(deployment).volumeMounts?.some((m) => path === m.mountPath || path.startsWith(`${m.mountPath}/`));
        // Wherever a part writes (Data:Directory), a volume is mounted: the root file system is read-only.
        assert.equal(container(deployment).securityContext.readOnlyRootFilesystem, true);
        if (env.has("Data__Directory")) assert.ok(mounted(env.get("Data__Directory").value), `${partOf(deployment)}: Data__Directory on no volume`);
        for (const volume of spec.volumes.filter((v) => v.persistentVolumeClaim)) {
          const claim = claims.find((c) => c.metadata.name === volume.persistentVolumeClaim.claimName);
          assert.ok(claim, `${partOf(deployment)}: no claim ${volume.persistentVolumeClaim.claimName}`);
          if (claim.spec.accessModes.includes("ReadWriteOnce"))
            assert.ok((deployment.spec.replicas ?? 1) === 1 && deployment.spec.strategy?.type === "Recreate",
              `${partOf(deployment)}: a ReadWriteOnce volume is for one replica, replaced not rolled`);
          else assert.deepEqual(claim.spec.accessModes, ["ReadWriteMany"], claim.metadata.name);
        }
        // SQLite keeps one writer: a second replica needs its database elsewhere (issue 16's PostgreSQL).
        if ((deployment.spec.replicas ?? 1) > 1 && databases.has(partOf(deployment)))
          assert.ok(env.get(`ConnectionStrings__${partOf(deployment)}`)?.valueFrom?.secretKeyRef, `${partOf(deployment)}: replicas without a shared database`);
      }
    });
  });

  describe(`${overlay}: the cluster's edge and disruptions`, () => {
    test("the gateway is the only way in: every Ingress leads to the gateway's Service", () => {
      const ingresses = objects.filter((o) => o.kind === "Ingress");
      assert.ok(ingresses.length > 0);
      const gateway = objects.find((o) => o.kind === "Service" && o.metadata.name === "gateway");
      for (const ingress of ingresses)
        for (const rule of ingress.spec.rules)
          for (const path of rule.http.paths) {
            assert.equal(path.backend.service.name, "gateway", key(ingress));
            assert.ok(gateway.spec.ports.some((p) => p.name === path.backend.service.port.name), key(ingress));
          }
      assert.deepEqual(objects.filter((o) => ["LoadBalancer", "NodePort"].includes(o.spec?.type)).map(key), []);
    });

    test("Registration and Objections each have a disruption budget that lets a drain proceed", () => {
      for (const part of ["registration", "objections"]) {
        const budget = objects.find((o) => o.kind === "PodDisruptionBudget" && o.metadata.name === part);
        const deployment = deployments(objects).find((d) => partOf(d) === part);
        assert.ok(budget, `${part} has no PodDisruptionBudget`);
        assert.deepEqual(budget.spec.selector.matchLabels, deployment.spec.selector.matchLabels);
        const replicas = deployment.spec.replicas ?? 1;
        if (budget.spec.minAvailable !== undefined) assert.ok(budget.spec.minAvailable < replicas, `${part}: minAvailable ${budget.spec.minAvailable} of ${replicas} blocks every drain`);
        else assert.ok(budget.spec.maxUnavailable >= 1, part);
      }
    });
  });

  describe(`${overlay}: the Dapr components`, () => {
    const components = objects.filter((o) => o.kind === "Component");
    const ids = deployments(objects).map((d) => annotations(d)["dapr.io/app-id"]);

    test("every component the code is configured to name is deployed, and scoped to the app using it", () => {
      for (const deployment of deployments(objects)) {
        const env = settings(objects, container(deployment));
        for (const [setting, type] of [["Notifications__Email__DaprBinding", "bindings."], ["Dapr__SecretStore", "secretstores."]]) {
          const name = env.get(setting)?.value;
          if (!name) continue;
          const component = components.find((c) => c.metadata.name === name);
          assert.ok(component?.spec.type.startsWith(type), `${setting}=${name}: no ${type} component`);
          assert.ok(!component.scopes || component.scopes.includes(annotations(deployment)["dapr.io/app-id"]), `${name} is not scoped to ${partOf(deployment)}`);
        }
      }
      // Notifications sends e-mail through the binding in the cluster (no SMTP server of its own).
      assert.equal(settings(objects, container(deployments(objects).find((d) => partOf(d) === "notifications"))).get("Notifications__Email__DaprBinding")?.value, "smtp");
      for (const component of components) {
        if (component.auth?.secretStore)
          assert.ok(components.some((c) => c.metadata.name === component.auth.secretStore && c.spec.type.startsWith("secretstores.")), component.metadata.name);
        for (const scope of component.scopes ?? []) assert.ok(ids.includes(scope), `${component.metadata.name} scoped to unknown app ${scope}`);
      }
      for (const resiliency of objects.filter((o) => o.kind === "Resiliency"))
        for (const app of Object.keys(resiliency.spec.targets.apps)) assert.ok(ids.includes(app), app);
    });

    test("are dapr/'s, differing only where a cluster must", () => {
      const local = (file) => loadDocuments(join(root, "dapr", file))[0];
      const deployed = (kind, name) => {
        const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
        assert.ok(found, `${kind} ${name} is not deployed`);
        const { namespace, ...metadata } = found.metadata;
        return { ...found, metadata };
      };
      assert.deepEqual(deployed("Resiliency", "accreditation"), local("components/resiliency.yaml"));

      // The collector is a Service of the cluster, not the machine's loopback.
      const config = structuredClone(local("config.yaml"));
      const clusterConfig = deployed("Configuration", "accreditation");
      config.spec.tracing.otel.endpointAddress = clusterConfig.spec.tracing.otel.endpointAddress;
      assert.deepEqual(clusterConfig, config);

      // Secret names of the local file ("smtp:host") become keys of one Kubernetes Secret.
      const smtp = structuredClone(local("components/smtp.yaml"));
      for (const item of smtp.spec.metadata.filter((m) => m.secretKeyRef))
        item.secretKeyRef = { name: "accreditation-smtp", key: item.secretKeyRef.key.split(":")[1] };
      assert.deepEqual(deployed("Component", "smtp"), smtp);

      // The same store name over the namespace's Secrets; only the binding reads it.
      const store = deployed("Component", local("components/secretstore.yaml").metadata.name);
      assert.equal(store.spec.type, "secretstores.kubernetes");
      assert.deepEqual(store.scopes, smtp.scopes);
      assert.deepEqual(components.map((c) => c.metadata.name).sort(), readdirSync(join(root, "dapr", "components"))
        .map((f) => local(`components/${f}`)).filter((c) => c.kind === "Component").map((c) => c.metadata.name).sort());
    });
  });
}

describe("production", () => {
  const objects = rendered.production;
  test("runs two replicas of Registration and Objections, rolled one at a time, in its own namespace", () => {
    for (const part of ["registration", "objections"]) {
      const deployment = deployments(objects).find((d) => partOf(d) === part);
      assert.equal(deployment.spec.replicas, 2);
      assert.deepEqual(deployment.spec.strategy, { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    }
    assert.ok(objects.some((o) => o.kind === "Namespace" && o.metadata.name === "accreditation"));
    assert.deepEqual(objects.filter((o) => o.kind !== "Namespace" && o.metadata.namespace !== "accreditation").map(key), []);
  });

  test("pulls every image from the organization's registry at a fixed tag", () => {
    for (const deployment of deployments(objects))
      assert.match(container(deployment).image, /^registry\.example\.org\/accreditation\/[a-z]+:\d+\.\d+\.\d+$/);
  });
});

describe("the checks themselves", () => {
  test("refuse a key the code does not read, and accept the ones it does", () => {
    for (const name of ["Notifications__Email__Host", "Bus__RabbitMq__Hostname", "Services__Ledger", "ConnectionStrings__gateway", "Gatway__HttpUrl"])
      assert.equal(isKeyTheCodeReads(name), false, name);
    for (const name of ["Bus__RabbitMq__Host", "Identity__Clients__3__ClientSecret", "Gateway__ForwardedHeaders__KnownNetworks__0", "Services__Portal", "Dapr__HttpEndpoint", "Messaging__Outbox__DeliveryTimeout", "Notifications__Links__ConfirmEmail"])
      assert.equal(isKeyTheCodeReads(name), true, name);
  });

  test("the field check finds a misspelt field at any depth", () => {
    assert.deepEqual(unknownFields({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x", label: {} },
      spec: { template: { spec: { containers: [{ name: "c", readinesProbe: {}, ports: [{ containerPort: 1, nam: "x" }], resources: { limits: { cpu: "1" } } }] } } } }),
      ["Deployment.metadata.label", "Deployment.spec.template.spec.containers[0].readinesProbe", "Deployment.spec.template.spec.containers[0].ports[0].nam"]);
  });

  test("the schema refuses a malformed object", async () => {
    await assert.rejects(validateSchema({ apiVersion: "v1", kind: "Service", metadata: { name: "x" }, spec: { type: "Bogus", ports: [{ port: "http" }] } }));
    await assert.rejects(validateSchema({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { template: {} } }));
  });
});
