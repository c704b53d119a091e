package dev.larkspur.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the two read-ahead requests ({@link ReadAheadRequest}, {@link MultipartReadAheadRequest})
 * answer alike: the dispatcher type the filter chose, and the parameters, which each gathers from
 * its own body once and every accessor then reads.
 */
abstract class ReadAheadWrapper extends HttpServletRequestWrapper {
    private final DispatcherType dispatcherType;
    private Map<String, String[]> parameters;

    /** {@code dispatcherType} null keeps the container's. */
    ReadAheadWrapper(HttpServletRequest request, DispatcherType dispatcherType) {
        super(request);
        this.dispatcherType = dispatcherType;
    }

    /** Every parameter of the request, each name's values in order, as the container would join them. */
    abstract Map<String, List<String>> gatherParameters();

    /** The container's own parameters: the query's, since it has not read the body. */
    final Map<String, String[]> containerParameters() {
        return super.getParameterMap();
    }

    @Override
    public DispatcherType getDispatcherType() {
        return dispatcherType == null ? super.getDispatcherType() : dispatcherType;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    private synchronized Map<String, String[]> parameters() {
        if (parameters == null) {
            Map<String, String[]> result = new LinkedHashMap<>();
            gatherParameters().forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(result);
        }
        return parameters;
    }
}
