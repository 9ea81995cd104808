package org.jointcall.gateway.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.jointcall.gateway.console.ConsoleJson;
import org.jointcall.gateway.exchange.Problem;
import org.jointcall.gateway.exchange.ProblemException;
import org.jointcall.gateway.exchange.ProblemType;

/**
 * JSON bodies of the console API through the gateway's Jackson (the one the rest of the gateway uses),
 * not the server's JSON-B: times as ISO-8601 strings with their offset, records as objects. A body
 * that is not the JSON expected is a 400 problem naming what was wrong.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodies implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    private static final ObjectMapper JSON = ConsoleJson.MAPPER;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != InputStream.class;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            Object value = JSON.readValue(body, JSON.constructType(genericType));
            if (value == null) {
                throw invalid("a JSON body is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid("the body is not the JSON expected: " + e.getOriginalMessage());
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && !jakarta.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        JSON.writeValue(body, value);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(ProblemType.REQUEST_INVALID, detail));
    }
}
