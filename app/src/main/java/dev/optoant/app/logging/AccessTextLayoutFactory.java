package dev.optoant.app.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.TimeZone;

/**
 * Access-log layout {@code type: access-text}: one line per request with client address, time, method, path, query
 * with secret values masked, status, bytes, user agent and milliseconds. Unlike Dropwizard's default pattern it logs
 * neither the raw request line ({@code %r}, query values included) nor the referrer.
 */
@JsonTypeName("access-text")
public class AccessTextLayoutFactory implements DiscoverableLayoutFactory<IAccessEvent> {

    @Override
    public LayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
        LogbackAccessRequestLayout layout = new LogbackAccessRequestLayout(context, timeZone);
        layout.getInstanceConverterMap().put("safeQuery", SafeQueryConverter::new);
        layout.setPattern("%h [%t{dd/MMM/yyyy:HH:mm:ss.SSS Z," + timeZone.getID()
                + "}] \"%m %U%safeQuery %H\" %s %b \"%i{User-Agent}\" %D");
        return layout;
    }
}
