package org.jointcall.contracts.binding;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.module.jakarta.xmlbind.JakartaXmlBindAnnotationIntrospector;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.Set;

/**
 * Reads the JAXB annotations for Jackson, except the lexical adapters of the boxed
 * {@code Long}/{@code Integer}/{@code Boolean} fields: in XML those values are text anyway,
 * but in JSON a sequence number should be a number and a flag a boolean, not a string. The
 * hand-written {@link TimestampAdapter} and {@link DateAdapter} stay in force, so both formats
 * spell dates identically.
 */
final class CanonicalJsonIntrospector extends JakartaXmlBindAnnotationIntrospector {

    private static final long serialVersionUID = 1L;
    private static final Set<Class<?>> LEXICAL_ADAPTERS = Set.of(BooleanTextAdapter.class, LongTextAdapter.class, IntegerTextAdapter.class);

    CanonicalJsonIntrospector(TypeFactory typeFactory) {
        super(typeFactory);
    }

    private static boolean hasGeneratedLexicalAdapter(Annotated annotated) {
        XmlJavaTypeAdapter adapter = annotated.getAnnotation(XmlJavaTypeAdapter.class);
        return adapter != null && LEXICAL_ADAPTERS.contains(adapter.value());
    }

    @Override
    public Object findSerializationConverter(Annotated annotated) {
        return hasGeneratedLexicalAdapter(annotated) ? null : super.findSerializationConverter(annotated);
    }

    @Override
    public Object findDeserializationConverter(Annotated annotated) {
        return hasGeneratedLexicalAdapter(annotated) ? null : super.findDeserializationConverter(annotated);
    }

    @Override
    public JavaType refineSerializationType(MapperConfig<?> config, Annotated annotated, JavaType baseType) throws JsonMappingException {
        return hasGeneratedLexicalAdapter(annotated) ? baseType : super.refineSerializationType(config, annotated, baseType);
    }

    @Override
    public JavaType refineDeserializationType(MapperConfig<?> config, Annotated annotated, JavaType baseType) throws JsonMappingException {
        return hasGeneratedLexicalAdapter(annotated) ? baseType : super.refineDeserializationType(config, annotated, baseType);
    }
}
