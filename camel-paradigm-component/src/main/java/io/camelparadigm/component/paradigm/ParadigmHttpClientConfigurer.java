package io.camelparadigm.component.paradigm;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/** A hook to adjust the component's Apache HttpClient 5 before it is built (interceptors, retry, metrics...). */
@FunctionalInterface
public interface ParadigmHttpClientConfigurer {

    void configure(HttpClientBuilder builder);
}
