package io.camelparadigm.emulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs small test classes with the JUnit engine and checks how the extension served them. */
class ParadigmEmulatorExtensionTest {

    @BeforeEach
    void clearObservations() {
        SharedServerSample.BASE_URLS.clear();
        SharedServerSample.FILES_SEEN.clear();
        PerTestServerSample.BASE_URLS.clear();
        PerTestServerSample.FILES_SEEN.clear();
        NestedSample.BASE_URLS.clear();
        NestedSample.FILES_SEEN.clear();
    }

    @Test
    void staticExtensionServesTheWholeClassWithOneServerAndKeepsStateUntilReset() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(SharedServerSample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(SharedServerSample.BASE_URLS).hasSize(3).containsOnly(SharedServerSample.BASE_URLS.get(0));
        assertThat(SharedServerSample.FILES_SEEN).containsExactly(1, 2, 0);
        assertThat(isListening(SharedServerSample.BASE_URLS.get(0))).as("stopped after the class").isFalse();
    }

    @Test
    void instanceExtensionGivesEachTestAFreshServer() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(PerTestServerSample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertThat(PerTestServerSample.FILES_SEEN).containsExactly(1, 1);
        assertThat(PerTestServerSample.BASE_URLS).hasSize(2);
        PerTestServerSample.BASE_URLS.forEach(url -> assertThat(isListening(url)).as(url + " stopped").isFalse());
    }

    @Test
    void nestedClassesShareTheOuterClassServer() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(NestedSample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));

        assertThat(NestedSample.BASE_URLS).hasSize(3).containsOnly(NestedSample.BASE_URLS.get(0));
        assertThat(NestedSample.FILES_SEEN).containsExactly(1, 2, 3);
        assertThat(isListening(NestedSample.BASE_URLS.get(0))).isFalse();
    }

    @Test
    void accessorsFailOutsideATest() {
        ParadigmEmulatorExtension extension = ParadigmEmulatorExtension.builder().realClock().build();
        assertThatThrownBy(extension::baseUrl).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    private static boolean isListening(String baseUrl) {
        int port = Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedServerSample {
        static final List<String> BASE_URLS = new CopyOnWriteArrayList<>();
        static final List<Integer> FILES_SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().build();

        @Test
        @Order(1)
        void first() {
            record();
        }

        @Test
        @Order(2)
        void second() {
            record();
        }

        @Test
        @Order(3)
        void third() {
            EMULATOR.reset();
            BASE_URLS.add(EMULATOR.baseUrl());
            FILES_SEEN.add(EMULATOR.storedFiles().size());
        }

        private static void record() {
            BASE_URLS.add(EMULATOR.baseUrl());
            EMULATOR.seedFiles(EMULATOR.workspaceId(), 1, "f-");
            FILES_SEEN.add(EMULATOR.storedFiles().size());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class NestedSample {
        static final List<String> BASE_URLS = new CopyOnWriteArrayList<>();
        static final List<Integer> FILES_SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        static final ParadigmEmulatorExtension EMULATOR = new ParadigmEmulatorExtension();

        @Test
        @Order(1)
        void outer() {
            record();
        }

        @Nested
        @Order(2)
        class Inner {
            @Test
            void inner() {
                record();
            }
        }

        @Nested
        @Order(3)
        class Later {
            @Test
            void later() {
                record();
            }
        }

        static void record() {
            BASE_URLS.add(EMULATOR.baseUrl());
            EMULATOR.seedFiles(EMULATOR.workspaceId(), 1, "f-");
            FILES_SEEN.add(EMULATOR.storedFiles().size());
        }
    }

    static class PerTestServerSample {
        static final List<String> BASE_URLS = new CopyOnWriteArrayList<>();
        static final List<Integer> FILES_SEEN = new CopyOnWriteArrayList<>();

        @RegisterExtension
        final ParadigmEmulatorExtension emulator = new ParadigmEmulatorExtension();

        @Test
        void one() {
            record();
        }

        @Test
        void two() {
            record();
        }

        private void record() {
            BASE_URLS.add(emulator.baseUrl());
            emulator.seedFiles(emulator.workspaceId(), 1, "f-");
            FILES_SEEN.add(emulator.storedFiles().size());
        }
    }
}
