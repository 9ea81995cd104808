package org.jointcall.gateway.info;

/**
 * What an operator needs to know about a running gateway before reading its logs: its own
 * version, Camel's, the JVM's, and which copy of the JSON and XML binding libraries is actually
 * loaded — Payara ships its own Jackson and JAXB, and the class loader decides which one runs.
 */
public record GatewayInfo(
        String gatewayVersion,
        String camelVersion,
        String javaVersion,
        LibraryInUse jackson,
        LibraryInUse jaxbApi,
        LibraryInUse jaxbRuntime) {

    /** Where a library's classes came from: the WAR ({@link #APPLICATION}) or Payara ({@link #SERVER}). */
    public record LibraryInUse(String version, String loadedBy) {
        public static final String APPLICATION = "application";
        public static final String SERVER = "server";
    }
}
