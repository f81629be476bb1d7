/**
 * Configuration: config/gazette.yaml and config/sites/&lt;site&gt;.yaml read into immutable
 * records.
 *
 * <p>{@link org.gazette.config.ConfigLoader} reads a config folder, the built-in defaults or one
 * site file into a {@link org.gazette.config.GazetteConfig}. It checks everything before it
 * returns and reports every problem at once in a {@link org.gazette.config.ConfigException}, each
 * naming its file, line and key. config/gazette.yaml documents every key and its default.
 */
package org.gazette.config;
