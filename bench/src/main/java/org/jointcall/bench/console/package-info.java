/** The console API's query latency over a database of production size (issue 6). */
package org.jointcall.bench.console;
