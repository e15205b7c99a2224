package io.camelparadigm.examples.uploader;

import java.lang.management.ManagementFactory;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class C1CompilationTest {

    @Test
    void excludesEveryMethodFromC2AndLeavesC1On() throws Exception {
        assertThat(C1Compilation.apply()).isTrue();

        String directives = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        // the first directive listed is the one added last, before HotSpot's default
        String added = directives.substring(0, directives.indexOf("Directive: (default)"));
        assertThat(added).contains("matching: *.*");
        assertThat(added.substring(added.indexOf("c1 directives:"), added.indexOf("c2 directives:")))
                .contains("Exclude:false");
        assertThat(added.substring(added.indexOf("c2 directives:"))).contains("Exclude:true");
    }
}
