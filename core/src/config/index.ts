/** Configuration: `.briefrc.yaml` discovery, `extends`, overrides, validation and the JSON Schema. */
export {defaultConfig, DEFAULT_SECTION_NAMES, type ResolvedConfig, type RuleLevel, type RuleSetting, type SectionNames, type Severity} from './types.js';
export {
  loadConfig,
  loadDefaults,
  findConfigFile,
  isIgnored,
  configSchema,
  formatConfigError,
  ConfigCache,
  CONFIG_FILE_NAMES,
  MAX_CONFIG_BYTES,
  MAX_EXTENDS_DEPTH,
  type ConfigHost,
  type ConfigError,
  type LoadConfigOptions,
  type LoadedConfig,
} from './load.js';
export {buildConfigSchema, configSchemaText, ruleSettingSchema, LEVELS, SCHEMA_ID} from './schema.js';
export * as configPaths from './paths.js';
