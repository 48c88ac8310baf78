{{/* Chart name, truncated to the 63 characters Kubernetes allows in names. */}}
{{- define "concierge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: <release>-<chart> unless the release already contains it. */}}
{{- define "concierge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "concierge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every object. */}}
{{- define "concierge.labels" -}}
helm.sh/chart: {{ include "concierge.chart" . }}
{{ include "concierge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "concierge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "concierge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Selector labels of one component: (dict "ctx" $ "component" "api"). */}}
{{- define "concierge.componentSelectorLabels" -}}
{{ include "concierge.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "concierge.componentLabels" -}}
{{ include "concierge.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "concierge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "concierge.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the database and Redis URLs: existingSecret or the chart's own. */}}
{{- define "concierge.secretName" -}}
{{- if .Values.secret.existingSecret }}
{{- .Values.secret.existingSecret }}
{{- else }}
{{- include "concierge.fullname" . }}
{{- end }}
{{- end }}

{{- define "concierge.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Non-secret configuration (CONCIERGE_* variables), shared by the ConfigMap and the
migration hook's ConfigMap. Every key is documented in docs/configuration.md.
*/}}
{{- define "concierge.configData" -}}
CONCIERGE_DEPLOYMENT_MODE: {{ .Values.config.deploymentMode | quote }}
CONCIERGE_PUBLIC_URL: {{ .Values.config.publicUrl | quote }}
CONCIERGE_HTTP_HOST: "0.0.0.0"
CONCIERGE_HTTP_PORT: {{ .Values.api.port | int64 | quote }}
CONCIERGE_WORKER_HTTP_PORT: {{ .Values.worker.port | int64 | quote }}
CONCIERGE_SCHEDULER_HTTP_PORT: {{ .Values.scheduler.port | int64 | quote }}
CONCIERGE_LOG_LEVEL: {{ .Values.config.logLevel | quote }}
CONCIERGE_LOG_FORMAT: {{ .Values.config.logFormat | quote }}
CONCIERGE_COOKIE_SECURE: {{ .Values.config.cookieSecure | quote }}
CONCIERGE_SESSION_TTL_HOURS: {{ .Values.config.sessionTtlHours | int64 | quote }}
CONCIERGE_DATABASE_APP_ROLE: {{ .Values.config.databaseAppRole | quote }}
CONCIERGE_DATABASE_POOL_SIZE: {{ .Values.config.databasePoolSize | int64 | quote }}
CONCIERGE_REDIS_PREFIX: {{ .Values.config.redisPrefix | quote }}
CONCIERGE_WORKER_CONCURRENCY: {{ .Values.config.workerConcurrency | int64 | quote }}
CONCIERGE_QUEUE_VISIBILITY_SECONDS: {{ .Values.config.queueVisibilitySeconds | int64 | quote }}
CONCIERGE_MAX_BODY_BYTES: {{ .Values.config.maxBodyBytes | int64 | quote }}
CONCIERGE_BCRYPT_COST: {{ .Values.config.bcryptCost | int64 | quote }}
CONCIERGE_ATTACHMENTS_DIR: {{ include "concierge.attachmentsDirectory" . | quote }}
CONCIERGE_ATTACHMENT_MAX_BYTES: {{ .Values.attachments.maxBytes | int64 | quote }}
{{- range $key, $value := .Values.config.extraEnv }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end }}

{{/* Secret data: the connection URLs (values.secret), base64-encoded. */}}
{{- define "concierge.secretData" -}}
CONCIERGE_DATABASE_URL: {{ required "secret.databaseUrl is required (or set secret.existingSecret)" .Values.secret.databaseUrl | b64enc | quote }}
CONCIERGE_MIGRATION_DATABASE_URL: {{ required "secret.migrationDatabaseUrl is required (or set secret.existingSecret)" .Values.secret.migrationDatabaseUrl | b64enc | quote }}
CONCIERGE_REDIS_URL: {{ required "secret.redisUrl is required (or set secret.existingSecret)" .Values.secret.redisUrl | b64enc | quote }}
{{- with .Values.secret.smtpPassword }}
CONCIERGE_SMTP_PASSWORD: {{ . | b64enc | quote }}
{{- end }}
{{- with .Values.secret.secretKeys }}
CONCIERGE_SECRET_KEYS: {{ . | b64enc | quote }}
{{- end }}
{{- end }}

{{/* Pod-level settings shared by all workloads. */}}
{{- define "concierge.podSpecCommon" -}}
serviceAccountName: {{ include "concierge.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.podSecurityContext }}
securityContext:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* The attachments directory: CONCIERGE_ATTACHMENTS_DIR and the volume's mount path. */}}
{{- define "concierge.attachmentsDirectory" -}}
{{- $dir := required "attachments.directory is required" .Values.attachments.directory }}
{{- if not (hasPrefix "/" $dir) }}
{{- fail (printf "attachments.directory must be an absolute path (got %q)" $dir) }}
{{- end }}
{{- $dir }}
{{- end }}

{{/* The PVC holding the attachments: existingClaim or the chart's own. */}}
{{- define "concierge.attachmentsClaimName" -}}
{{- if .Values.attachments.persistence.existingClaim }}
{{- .Values.attachments.persistence.existingClaim }}
{{- else }}
{{- include "concierge.fullname" . }}-attachments
{{- end }}
{{- end }}

{{/* The attachments volume of the api and worker pods (a list item under `volumes:`). */}}
{{- define "concierge.attachmentsVolume" -}}
- name: attachments
{{- if .Values.attachments.persistence.enabled }}
  persistentVolumeClaim:
    claimName: {{ include "concierge.attachmentsClaimName" . }}
{{- else }}
  emptyDir: {}
{{- end }}
{{- end }}

{{/* Its mount (a list item under `volumeMounts:`), at CONCIERGE_ATTACHMENTS_DIR. */}}
{{- define "concierge.attachmentsVolumeMount" -}}
- name: attachments
  mountPath: {{ include "concierge.attachmentsDirectory" . }}
{{- end }}
