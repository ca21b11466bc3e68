package org.kontor.config.http;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Holds bodies without a declared length to the same 1 MiB limit as declared ones. */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration implements WebFluxConfigurer {

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize((int) RequestContextFilter.MAX_BODY.toBytes());
    }
}
