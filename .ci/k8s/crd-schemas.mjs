// Minimal JSON Schemas of the custom resources gongzhi renders, written for this validation (no published npm or
// Maven package carries the CloudNativePG or Barman Cloud CRDs). Each `spec` lists every field name the CRD of
// CloudNativePG 1.30 / plugin-barman-cloud 0.16 accepts (so a typo is an error, not a silently ignored field) and
// types in detail the fields gongzhi uses. The monitoring kinds (PodMonitor, PrometheusRule) are validated with the
// schemas of the npm package @kubernetes-models/prometheus-operator instead.

const str = { type: 'string', minLength: 1 };
const any = {};
const map = { type: 'object', additionalProperties: { type: 'string' } };
const secretKey = {
  type: 'object',
  required: ['name', 'key'],
  additionalProperties: false,
  properties: { name: str, key: str },
};
const quantity = { anyOf: [{ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|k|Ki|M|Mi|G|Gi|T|Ti)?$' }, { type: 'integer' }] };
const resources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requests: { type: 'object', additionalProperties: quantity },
    limits: { type: 'object', additionalProperties: quantity },
    claims: any,
  },
};
const metadata = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 } },
};

function crd(apiVersion, kind, spec) {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    properties: { apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec, status: any },
  };
}

// spec fields of postgresql.cnpg.io/v1 Cluster that gongzhi does not use: accepted, not typed here
const clusterOther = [
  'backup', 'certificates', 'description', 'enablePDB', 'enableSuperuserAccess', 'env', 'envFrom',
  'ephemeralVolumeSource', 'ephemeralVolumesSizeLimit', 'externalClusters', 'failoverDelay', 'imageCatalogRef',
  'imagePullPolicy', 'imagePullSecrets', 'inheritedMetadata', 'livenessProbeTimeout', 'logLevel', 'managed',
  'maxSyncReplicas', 'minSyncReplicas', 'monitoring', 'nodeMaintenanceWindow', 'podSecurityContext', 'podSelectorRefs',
  'postgresGID', 'postgresUID', 'primaryLease', 'primaryUpdateMethod', 'priorityClassName', 'probes',
  'projectedVolumeTemplate', 'replica', 'replicationSlots', 'schedulerName', 'seccompProfile', 'securityContext',
  'serviceAccountName', 'serviceAccountTemplate', 'smartShutdownTimeout', 'startDelay', 'stopDelay', 'superuserSecret',
  'switchoverDelay', 'tablespaces', 'topologySpreadConstraints', 'walStorage',
];

const cluster = crd('postgresql.cnpg.io/v1', 'Cluster', {
  type: 'object',
  required: ['instances'],
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(clusterOther.map((k) => [k, any])),
    instances: { type: 'integer', minimum: 1 },
    imageName: str,
    primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
    resources,
    storage: {
      type: 'object',
      additionalProperties: false,
      properties: { size: quantity, storageClass: str, pvcTemplate: any, resizeInUseVolumes: { type: 'boolean' } },
    },
    bootstrap: {
      type: 'object',
      additionalProperties: false,
      properties: {
        initdb: {
          type: 'object',
          additionalProperties: false,
          properties: {
            database: str, owner: str, secret: { type: 'object', required: ['name'], properties: { name: str } },
            postInitApplicationSQL: { type: 'array', items: { type: 'string' } },
            ...Object.fromEntries(['builtinLocale', 'dataChecksums', 'encoding', 'icuLocale', 'icuRules', 'import',
              'locale', 'localeCType', 'localeCollate', 'localeProvider', 'options', 'postInitApplicationSQLRefs',
              'postInitSQL', 'postInitSQLRefs', 'postInitTemplateSQL', 'postInitTemplateSQLRefs', 'walSegmentSize']
              .map((k) => [k, any])),
          },
        },
        pg_basebackup: any,
        recovery: any,
      },
    },
    postgresql: {
      type: 'object',
      additionalProperties: false,
      properties: {
        parameters: map,
        ...Object.fromEntries(['enableAlterSystem', 'extensions', 'ldap', 'pg_hba', 'pg_ident', 'promotionTimeout',
          'shared_preload_libraries', 'syncReplicaElectionConstraint', 'synchronous'].map((k) => [k, any])),
      },
    },
    plugins: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: { name: str, enabled: { type: 'boolean' }, isWALArchiver: { type: 'boolean' }, parameters: map },
      },
    },
    affinity: {
      type: 'object',
      additionalProperties: false,
      properties: {
        enablePodAntiAffinity: { type: 'boolean' },
        podAntiAffinityType: { enum: ['preferred', 'required'] },
        topologyKey: str,
        ...Object.fromEntries(['additionalPodAffinity', 'additionalPodAntiAffinity', 'nodeAffinity', 'nodeSelector',
          'tolerations'].map((k) => [k, any])),
      },
    },
  },
});

const scheduledBackup = crd('postgresql.cnpg.io/v1', 'ScheduledBackup', {
  type: 'object',
  required: ['cluster', 'schedule'],
  additionalProperties: false,
  properties: {
    // six cron fields, seconds first (CloudNativePG), or a predefined schedule such as @daily
    schedule: { type: 'string', pattern: '^(@\\w+|\\S+( \\S+){5})$' },
    cluster: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: str } },
    method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] },
    pluginConfiguration: {
      type: 'object', required: ['name'], additionalProperties: false, properties: { name: str, parameters: map },
    },
    backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
    immediate: { type: 'boolean' },
    suspend: { type: 'boolean' },
    online: { type: 'boolean' },
    onlineConfiguration: any,
    target: { enum: ['primary', 'prefer-standby'] },
  },
});

const objectStore = crd('barmancloud.cnpg.io/v1', 'ObjectStore', {
  type: 'object',
  required: ['configuration'],
  additionalProperties: false,
  properties: {
    retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
    instanceSidecarConfiguration: any,
    configuration: {
      type: 'object',
      required: ['destinationPath'],
      additionalProperties: false,
      properties: {
        destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://\\S+$' },
        endpointURL: { type: 'string', pattern: '^https?://\\S+$' },
        s3Credentials: {
          type: 'object',
          additionalProperties: false,
          properties: {
            accessKeyId: secretKey, secretAccessKey: secretKey, region: secretKey, sessionToken: secretKey,
            inheritFromIAMRole: { type: 'boolean' },
          },
        },
        wal: any,
        data: any,
        ...Object.fromEntries(['azureCredentials', 'endpointCA', 'googleCredentials', 'historyTags', 'serverName', 'tags']
          .map((k) => [k, any])),
      },
    },
  },
});

export const CRD_SCHEMAS = {
  'postgresql.cnpg.io/v1/Cluster': cluster,
  'postgresql.cnpg.io/v1/ScheduledBackup': scheduledBackup,
  'barmancloud.cnpg.io/v1/ObjectStore': objectStore,
};
