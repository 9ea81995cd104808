/**
 * JMH benchmarks of signing and verifying through the module's API next to the bare Bouncy Castle
 * primitive on the same bytes, so the ratio shows what the profile costs on top of the cryptography.
 * Run with {@code mvn -B -pl signature -Pbench verify}; never part of the unit tests.
 */
package org.jointcall.signature.bench;
