package org.jointcall.gateway.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and then reports end of stream, remembering whether the
 * underlying stream had more. Reading stops one byte past the limit, so an oversized body costs the
 * gateway {@code limit + 1} bytes of reading, never the whole body.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long passed;
    private boolean exceeded;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        if (passed >= limit) {
            probe();
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            passed++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (passed >= limit) {
            probe();
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, limit - passed));
        if (n > 0) {
            passed += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public int available() throws IOException {
        return passed >= limit ? 0 : (int) Math.min(super.available(), limit - passed);
    }

    private void probe() throws IOException {
        if (!exceeded && super.read() >= 0) {
            exceeded = true;
        }
    }

    /** Whether the body had more than {@code limit} bytes. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
