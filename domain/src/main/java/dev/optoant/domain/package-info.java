/** The gateway's core: API models, conversions and ports, free of frameworks. */
package dev.optoant.domain;
