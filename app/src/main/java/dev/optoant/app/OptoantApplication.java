package dev.optoant.app;

import dev.optoant.domain.log.RequestLogStore;
import dev.optoant.domain.passthrough.PassthroughService;
import dev.optoant.domain.passthrough.PassthroughSettings;
import dev.optoant.domain.convert.AnthropicToOpenAi;
import dev.optoant.domain.messages.CreateMessageService;
import dev.optoant.domain.messages.Heartbeat;
import dev.optoant.app.logging.QuietAccessLog;
import dev.optoant.domain.resilience.UpstreamGuards;
import dev.optoant.http.ApiExceptionMapper;
import dev.optoant.http.GatewayErrorHandler;
import dev.optoant.http.MessagesResource;
import dev.optoant.http.MessagesServlet;
import dev.optoant.http.ModelsResource;
import dev.optoant.upstream.HttpChatUpstream;
import dev.optoant.upstream.JtokkitTokenCounter;
import java.util.concurrent.ScheduledExecutorService;
import dev.optoant.http.HealthResource;
import dev.optoant.http.PassthroughServlet;
import dev.optoant.http.RawPathGuardFilter;
import dev.optoant.http.RequestLogFilter;
import dev.optoant.http.RequestLogAdminServlet;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.glassfish.jersey.server.ServerProperties;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import dev.optoant.upstream.HttpPassthroughUpstream;
import dev.optoant.upstream.UpstreamConnections;
import dev.optoant.upstream.UpstreamProbe;
import dev.optoant.upstream.UpstreamSettings;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;

/** Entry point: reads {@code config.yml} with environment substitution and wires the hexagon. */
public class OptoantApplication extends Application<OptoantConfiguration> {
    private static final int MAX_SSE_LINE_BYTES = 16 * 1024 * 1024;
    static {
        // Without it Jetty rewrites well-known media types ("application/json; charset=utf-8" loses its space),
        // and a passthrough must hand the upstream's Content-Type over as it came.
        System.setProperty("org.eclipse.jetty.http.HttpGenerator.STRICT", "true");
    }

    public static void main(String[] args) throws Exception {
        new OptoantApplication().run(args);
    }

    @Override
    public String getName() {
        return "optoant";
    }

    @Override
    public void initialize(Bootstrap<OptoantConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
    }

    @Override
    protected void addDefaultCommands(Bootstrap<OptoantConfiguration> bootstrap) {
        bootstrap.addCommand(new OptoantServerCommand(this));
        bootstrap.addCommand(new io.dropwizard.core.cli.CheckCommand<>(this));
        bootstrap.addCommand(new DbMigrateCommand());
    }

    @Override
    public void run(OptoantConfiguration config, Environment environment) {
        config.database().parsedDsn();
        UpstreamSettings upstreamSettings = config.upstream().toSettings();
        UpstreamConnections upstream = UpstreamConnections.open(upstreamSettings);
        environment.lifecycle().manage(new AutoCloseableManager(upstream));
        environment.metrics().registerGauge("upstream.connections.leased", upstream::leased);
        environment.metrics().registerGauge("upstream.connections.idle", upstream::idle);
        environment.metrics().registerGauge("upstream.connections.pending", upstream::pending);

        UpstreamGuards guards = UpstreamGuarding.guards(config, environment);
        PassthroughService passthrough = new PassthroughService(
                new HttpPassthroughUpstream(upstream.client(), upstreamSettings.baseUrl()),
                new PassthroughSettings("/v1", config.upstream().apiKey(), config.limits().maxRequestBodyBytes(),
                        config.requestLog().captureBodies()), guards);
        environment.servlets().addServlet("openai-passthrough", new PassthroughServlet(passthrough))
                .addMapping("/v1/*");
        RequestLogging.Started requestLog = RequestLogging.start(config, environment);
        GatewayMetrics metrics = GatewayMetrics.install(config, environment);
        GracefulShutdown shutdown = GracefulShutdown.install(config, environment, upstream, guards.retrier());
        // Requests cut by a shutdown are labelled first, so that metrics and the log agree on their error.
        RequestLogStore requests = shutdown.labelling(metrics.metered(requestLog.store()));
        environment.servlets().addFilter("request-log", new RequestLogFilter(requests, metrics.streams()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        UpstreamGuarding.limitRequests(config, environment);
        registerAdminApi(config, environment, requestLog);
        environment.servlets().addFilter("raw-path-guard", new RawPathGuardFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // Jersey holds back the first 8 KiB of a response to compute its length, which would delay the first
        // events of a stream; byte[] entities still get a Content-Length.
        environment.jersey().property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        environment.jersey().register(new HealthResource());
        environment.jersey().register(new ApiExceptionMapper());
        registerAnthropicApi(config, environment, upstream, upstreamSettings, guards);
        installErrorHandler(environment, requests);
        QuietAccessLog.install(environment);
        HeapBufferedConnectors.install(environment);
        environment.healthChecks().register("upstream", new UpstreamHealthCheck(
                new UpstreamProbe(upstreamSettings.baseUrl(), upstreamSettings.connectTimeout())));
        ApiDocumentation.register(config, environment);
    }

    private static void registerAnthropicApi(OptoantConfiguration config, Environment environment,
            UpstreamConnections upstream, UpstreamSettings upstreamSettings, UpstreamGuards guards) {
        ScheduledExecutorService pings = environment.lifecycle().scheduledExecutorService("anthropic-pings", true)
                .threads(1).build();
        CreateMessageService messages = new CreateMessageService(
                new AnthropicToOpenAi(config.anthropic().toSettings()),
                new HttpChatUpstream(upstream.client(), upstreamSettings.baseUrl(), MAX_SSE_LINE_BYTES),
                new JtokkitTokenCounter(),
                new Heartbeat(pings, config.anthropic().pingInterval()),
                config.upstream().apiKey(), guards);
        environment.servlets().addServlet("anthropic-messages", new MessagesServlet(messages,
                config.limits().maxRequestBodyBytes(), config.requestLog().captureBodies()))
                .addMapping("/anthropic/v1/messages");
        environment.jersey().register(new MessagesResource(messages, config.limits().maxRequestBodyBytes()));
        environment.jersey().register(new ModelsResource(config.anthropic().listedModels()));
    }

    /** The request log's read API, on the admin port only, behind the admin token when one is set. */
    private static void registerAdminApi(OptoantConfiguration config, Environment environment,
            RequestLogging.Started requestLog) {
        requestLog.readers().ifPresent(readers -> environment.admin()
                .addServlet("request-log", new RequestLogAdminServlet(readers.entries(), readers.usage(),
                        config.adminApi().token()))
                .addMapping("/requests/*", "/requests"));
    }

    private static void installErrorHandler(Environment environment, RequestLogStore store) {
        GatewayErrorHandler errors = new GatewayErrorHandler(store);
        environment.getApplicationContext().setErrorHandler(errors);
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.setErrorHandler(errors);
                }
            }
        });
    }
}
