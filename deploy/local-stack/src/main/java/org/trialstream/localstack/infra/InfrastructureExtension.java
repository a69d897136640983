package org.trialstream.localstack.infra;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Resolves {@link Infrastructure} parameters, starting each kind once per test JVM. */
final class InfrastructureExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(InfrastructureExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Infrastructure.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WithInfrastructure.Kind kind = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), WithInfrastructure.class)
                .map(WithInfrastructure::value)
                .orElse(WithInfrastructure.Kind.LOCAL);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(kind, InfrastructureExtension::start, Started.class)
                .infrastructure();
    }

    private static Started start(WithInfrastructure.Kind kind) {
        return new Started(switch (kind) {
            case LOCAL -> LocalInfrastructure.start();
            case CONTAINERS -> ContainerInfrastructure.start();
        });
    }

    /** Closed by JUnit when the root context ends, i.e. when the test JVM has run every class. */
    private record Started(Infrastructure infrastructure) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            ((AutoCloseable) infrastructure).close();
        }
    }
}
