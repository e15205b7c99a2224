package io.camelparadigm.component.paradigm.springboot;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code paradigm} component from {@code camel.component.paradigm.*}, as camel-spring-boot's own
 * component starters do: a customizer copies the bound options onto the component when Camel creates it.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, ParadigmComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, ParadigmComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.paradigm" })
public class ParadigmComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final ParadigmComponentConfiguration configuration;

    public ParadigmComponentAutoConfiguration(ApplicationContext applicationContext,
                                              ParadigmComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureParadigmComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.paradigm.customizer")
                       && target instanceof ParadigmComponent;
            }
        };
    }
}
