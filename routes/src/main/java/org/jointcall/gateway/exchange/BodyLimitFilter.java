package org.jointcall.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps what anyone can make the gateway read on the exchange API. Camel's servlet binding reads the
 * whole body before the route starts, so the cap must sit in front of it: a declared
 * {@code Content-Length} above {@code gateway.inbound.max-bytes} yields an empty body at once, and a
 * chunked body stops one byte past the limit. Either way the request is marked
 * ({@link #EXCEEDED}) and the route answers 413 in its order of checks.
 */
@WebFilter(urlPatterns = "/api/v1/exchange/*", asyncSupported = true)
public class BodyLimitFilter extends HttpFilter {

    /** Request attribute, {@code Boolean.TRUE} when the body was larger than allowed. */
    public static final String EXCEEDED = "org.jointcall.gateway.body-limit-exceeded";
    private static final long serialVersionUID = 1L;

    @Inject
    transient InboundSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = settings.maxBytes();
        if (request.getContentLengthLong() > limit) {
            request.setAttribute(EXCEEDED, Boolean.TRUE);
            chain.doFilter(new BoundedBody(request, new LimitedInputStream(InputStream.nullInputStream(), 0)), response);
            return;
        }
        chain.doFilter(new BoundedBody(request, new LimitedInputStream(request.getInputStream(), limit)), response);
    }

    /** The request with its body behind a {@link LimitedInputStream}. */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final LimitedInputStream body;

        BoundedBody(HttpServletRequest request, LimitedInputStream body) {
            super(request);
            this.body = body;
        }

        @Override
        public Object getAttribute(String name) {
            if (EXCEEDED.equals(name) && body.exceeded()) {
                return Boolean.TRUE;
            }
            return super.getAttribute(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return body.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return body.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the exchange API reads request bodies synchronously");
                }
            };
        }
    }
}
