package dev.optoant.domain.convert;

/** How the upstream expects to be told about reasoning, which differs between OpenAI-compatible servers. */
public enum UpstreamDialect {
    /** DeepSeek: {@code thinking: {type: enabled|disabled}} plus {@code reasoning_effort}; reasoning sent back on tool turns. */
    DEEPSEEK,
    /** OpenAI-style: {@code reasoning_effort} only, no {@code reasoning_content} sent back. */
    OPENAI
}
