#!/usr/bin/env python3
"""Writes the benchmark's request bodies and recorded upstream answers (deterministic; output is committed).

  bench/bodies/anthropic-small.json   small Anthropic request: system prompt + one user message
  bench/bodies/anthropic-agent.json   Claude Code-like request: ~20 KB system, 10 tools, 20 turns of tool use
  bench/upstream/agent-chat.json      non-streaming upstream answer with reasoning, text and one tool call
  bench/upstream/agent-stream.sse     the same answer streamed in ~200 chunks (DeepSeek style)

The OpenAI twins (openai-small.json, openai-agent.json: what the gateway sends upstream for each Anthropic body,
without the stream fields) are written by the gateway's own converter:
  java -cp bench/jmh/target/benchmarks.jar dev.optoant.bench.jmh.UpstreamBody bench/bodies/anthropic-X.json \
      > bench/bodies/openai-X.json
Run from anywhere: python3 bench/bodies/make_bodies.py
"""
import json
import os

BODIES = os.path.dirname(os.path.abspath(__file__))
UPSTREAM = os.path.join(os.path.dirname(BODIES), "upstream")


def dump(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


# --- small request ------------------------------------------------------------------------------------------------
small = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 1024,
    "system": "You are a helpful assistant. Answer concisely and precisely; when unsure, say so.",
    "messages": [{"role": "user", "content": "Explain load balancing in one sentence."}],
}

# --- Claude Code-like request -------------------------------------------------------------------------------------
SECTIONS = [
    ("Tone and style", "You should be concise, direct, and to the point. When you run a non-trivial bash command, "
     "you should explain what the command does and why you are running it, to make sure the user understands what "
     "you are doing. Your output will be displayed on a command line interface; your responses can use GitHub-"
     "flavored markdown for formatting and will be rendered in a monospace font. Output text to communicate with the "
     "user; all text you output outside of tool use is displayed to the user. Only use tools to complete tasks."),
    ("Proactiveness", "You are allowed to be proactive, but only when the user asks you to do something. Strike a "
     "balance between doing the right thing when asked, including taking actions and follow-up actions, and not "
     "surprising the user with actions you take without asking. If the user asks you how to approach something, "
     "answer their question first and do not immediately jump into taking actions."),
    ("Following conventions", "When making changes to files, first understand the file's code conventions. Mimic "
     "code style, use existing libraries and utilities, and follow existing patterns. Never assume that a given "
     "library is available, even if it is well known. Whenever you write code that uses a library or framework, "
     "first check that this codebase already uses the given library: look at neighboring files, or check the "
     "package.json (or cargo.toml, pom.xml, and so on depending on the language)."),
    ("Code style", "Do not add comments to the code you write unless the user asks you to, or the code is complex "
     "and requires additional context. When you create a new component, first look at existing components to see "
     "how they are written; then consider framework choice, naming conventions, typing, and other conventions."),
    ("Task management", "You have access to the TodoWrite tool to help you manage and plan tasks. Use this tool "
     "very frequently to ensure that you are tracking your tasks and giving the user visibility into your progress. "
     "Mark todos as completed as soon as you are done with a task. Do not batch up multiple tasks before marking "
     "them as completed. Break larger complex tasks down into smaller steps."),
    ("Doing tasks", "The user will primarily request you perform software engineering tasks: solving bugs, adding "
     "new functionality, refactoring code, explaining code, and more. Use the available search tools to understand "
     "the codebase and the user's query; implement the solution using all tools available to you; verify the "
     "solution if possible with tests. Never assume a specific test framework or test script: check the README or "
     "search the codebase to determine the testing approach. When you have completed a task, you MUST run the lint "
     "and typecheck commands if they were provided to ensure your code is correct."),
    ("Tool usage policy", "When doing file search, prefer to use the Task tool in order to reduce context usage. "
     "You have the capability to call multiple tools in a single response. When multiple independent pieces of "
     "information are requested, batch your tool calls together for optimal performance. When making multiple bash "
     "tool calls, you MUST send a single message with multiple tool calls to run the calls in parallel."),
    ("Security", "Assist with defensive security tasks only. Refuse to create, modify, or improve code that may be "
     "used maliciously. Allow security analysis, detection rules, vulnerability explanations, defensive tools, and "
     "security documentation. You must NEVER generate or guess URLs for the user unless you are confident that the "
     "URLs are for helping the user with programming."),
    ("Git workflow", "When the user asks you to create a new git commit, run git status, git diff and git log in "
     "parallel, analyze all staged changes and draft a commit message that focuses on the why rather than the what. "
     "Never update the git config, never run destructive git commands unless the user explicitly requests them, "
     "never skip hooks, and never force push to main. Only commit when the user explicitly asks you to."),
    ("Code references", "When referencing specific functions or pieces of code include the pattern "
     "file_path:line_number to allow the user to easily navigate to the source code location."),
]
ENV = ("Here is useful information about the environment you are running in:\n<env>\nWorking directory: "
       "/home/dev/projects/ledger\nIs directory a git repo: Yes\nPlatform: linux\nOS Version: Linux 6.8.0\n"
       "Today's date: 2026-11-26\n</env>\nYou are powered by the model named Sonnet 4.5.")


def system_text(target_chars):
    parts, n, round_ = [], 0, 0
    while n < target_chars:
        for title, text in SECTIONS:
            block = f"# {title}\n{text}\n" if round_ == 0 else \
                f"# {title} (project rule {round_})\n{text} This applies to module {round_} of the repository too.\n"
            parts.append(block)
            n += len(block) + 1
            if n >= target_chars:
                break
        round_ += 1
    return "\n".join(parts) + "\n" + ENV


SCHEMA = "http://json-schema.org/draft-07/schema#"


def tool(name, description, properties, required):
    return {"name": name, "description": description,
            "input_schema": {"type": "object", "properties": properties, "required": required,
                             "additionalProperties": False, "$schema": SCHEMA}}


S = lambda d: {"type": "string", "description": d}
N = lambda d: {"type": "number", "description": d}
B = lambda d: {"type": "boolean", "description": d}
TOOLS = [
    tool("Bash", "Executes a given bash command in a persistent shell session with optional timeout, ensuring proper "
         "handling and security measures. Before executing the command, verify the parent directory exists. Always "
         "quote file paths that contain spaces. Output exceeding 30000 characters is truncated.",
         {"command": S("The command to execute"), "timeout": N("Optional timeout in milliseconds (max 600000)"),
          "description": S("Clear, concise description of what this command does in 5-10 words"),
          "run_in_background": B("Set to true to run this command in the background")}, ["command"]),
    tool("Read", "Reads a file from the local filesystem. The file_path parameter must be an absolute path. By "
         "default, it reads up to 2000 lines starting from the beginning of the file; results are returned using "
         "cat -n format, with line numbers starting at 1.",
         {"file_path": S("The absolute path to the file to read"),
          "offset": N("The line number to start reading from"), "limit": N("The number of lines to read")},
         ["file_path"]),
    tool("Edit", "Performs exact string replacements in files. You must use your Read tool at least once in the "
         "conversation before editing. The edit will FAIL if old_string is not unique in the file; provide a larger "
         "string with more surrounding context to make it unique or use replace_all.",
         {"file_path": S("The absolute path to the file to modify"), "old_string": S("The text to replace"),
          "new_string": S("The text to replace it with (must be different from old_string)"),
          "replace_all": {"type": "boolean", "default": False, "description": "Replace all occurrences"}},
         ["file_path", "old_string", "new_string"]),
    tool("Write", "Writes a file to the local filesystem. This tool will overwrite the existing file if there is one "
         "at the provided path. ALWAYS prefer editing existing files in the codebase.",
         {"file_path": S("The absolute path to the file to write"), "content": S("The content to write")},
         ["file_path", "content"]),
    tool("Glob", "Fast file pattern matching tool that works with any codebase size. Supports glob patterns like "
         "\"**/*.js\" or \"src/**/*.ts\". Returns matching file paths sorted by modification time.",
         {"pattern": S("The glob pattern to match files against"),
          "path": S("The directory to search in; defaults to the current working directory")}, ["pattern"]),
    tool("Grep", "A powerful search tool built on ripgrep. Supports full regex syntax; filter files with the glob or "
         "type parameter. Output modes: content shows matching lines, files_with_matches shows only file paths, "
         "count shows match counts.",
         {"pattern": S("The regular expression pattern to search for in file contents"),
          "path": S("File or directory to search in"), "glob": S("Glob pattern to filter files"),
          "output_mode": {"type": "string", "enum": ["content", "files_with_matches", "count"],
                          "description": "Output mode"},
          "-i": B("Case insensitive search"), "-n": B("Show line numbers in output"),
          "head_limit": N("Limit output to first N lines/entries"),
          "multiline": B("Enable multiline mode where . matches newlines")}, ["pattern"]),
    tool("TodoWrite", "Use this tool to create and manage a structured task list for your current coding session. "
         "This helps you track progress, organize complex tasks, and demonstrate thoroughness to the user.",
         {"todos": {"type": "array", "description": "The updated todo list", "items": {
             "type": "object", "additionalProperties": False, "required": ["content", "status", "activeForm"],
             "properties": {"content": {"type": "string", "minLength": 1},
                            "status": {"type": "string", "enum": ["pending", "in_progress", "completed"]},
                            "activeForm": {"type": "string", "minLength": 1}}}}}, ["todos"]),
    tool("WebFetch", "Fetches content from a specified URL and processes it using an AI model. Takes a URL and a "
         "prompt as input, fetches the URL content, converts HTML to markdown and returns the model's response.",
         {"url": {"type": "string", "format": "uri", "description": "The URL to fetch content from"},
          "prompt": S("The prompt to run on the fetched content")}, ["url", "prompt"]),
    tool("Task", "Launch a new agent to handle complex, multi-step tasks autonomously. Available agent types: "
         "general-purpose, statusline-setup, output-style-setup. When the agent is done, it returns a single message.",
         {"description": S("A short (3-5 word) description of the task"), "prompt": S("The task for the agent"),
          "subagent_type": S("The type of specialized agent to use for this task")},
         ["description", "prompt", "subagent_type"]),
    tool("NotebookEdit", "Completely replaces the contents of a specific cell in a Jupyter notebook (.ipynb file) "
         "with new source. The notebook_path parameter must be an absolute path.",
         {"notebook_path": S("The absolute path to the Jupyter notebook file"),
          "cell_id": S("The ID of the cell to edit"), "new_source": S("The new source for the cell"),
          "cell_type": {"type": "string", "enum": ["code", "markdown"]},
          "edit_mode": {"type": "string", "enum": ["replace", "insert", "delete"]}}, ["notebook_path", "new_source"]),
]

JAVA_FILE = "\n".join(f"{i:>6}\t{line}" for i, line in enumerate([
    "package dev.ledger.report;", "", "import java.math.BigDecimal;", "import java.time.LocalDate;",
    "import java.util.List;", "import java.util.Map;", "import java.util.stream.Collectors;", "",
    "/** Sums postings per account for a period. */", "public final class BalanceReport {",
    "    private final PostingRepository postings;", "    private final AccountNames names;", "",
    "    public BalanceReport(PostingRepository postings, AccountNames names) {",
    "        this.postings = postings;", "        this.names = names;", "    }", "",
    "    public Map<String, BigDecimal> balances(LocalDate from, LocalDate to) {",
    "        List<Posting> inPeriod = postings.between(from, to);",
    "        return inPeriod.stream().collect(Collectors.groupingBy(",
    "                p -> names.displayName(p.account()),",
    "                Collectors.reducing(BigDecimal.ZERO, Posting::amount, BigDecimal::add)));", "    }", "",
    "    public BigDecimal total(LocalDate from, LocalDate to) {",
    "        return balances(from, to).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);", "    }",
    "}"] * 2, start=1))
TEST_FAILURE = ("[INFO] Running dev.ledger.report.BalanceReportTest\n[ERROR] Tests run: 7, Failures: 0, Errors: 1, "
                "Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! -- in dev.ledger.report.BalanceReportTest\n[ERROR] "
                "dev.ledger.report.BalanceReportTest.closedAccountsAreListed -- Time elapsed: 0.021 s <<< ERROR!\n"
                "java.lang.NullPointerException: element cannot be mapped to a null key\n"
                + "".join(f"\tat java.base/java.util.stream.Collectors.lambda$groupingBy$53(Collectors.java:{1100+i})\n"
                          for i in range(25))
                + "[ERROR] Tests run: 212, Failures: 0, Errors: 1, Skipped: 3\n[INFO] BUILD FAILURE\n")
GREP_OUT = "\n".join(f"src/main/java/dev/ledger/{p}.java:{20+i}:        return names.displayName(account);"
                     for i, p in enumerate(["report/BalanceReport", "report/IncomeStatement", "report/TrialBalance",
                                            "export/CsvExport", "export/OfxExport", "api/AccountResource",
                                            "api/ReportResource", "account/AccountNames", "account/Accounts",
                                            "account/ClosedAccounts"]))

# (thinking, text, tool name, tool input, tool result, is_error)
ROUNDS = [
    ("The user reports an NPE in the balance report. Let me find where display names are resolved.",
     "I'll start by finding where account display names are resolved.",
     "Grep", {"pattern": "displayName\\(", "path": "src/main/java", "output_mode": "content", "-n": True},
     GREP_OUT, False),
    ("BalanceReport groups by display name; a null name would break groupingBy.",
     "Let me read the report class.", "Read", {"file_path": "/home/dev/projects/ledger/src/main/java/dev/ledger/"
                                               "report/BalanceReport.java"}, JAVA_FILE, False),
    ("Now AccountNames: when does displayName return null?", "", "Read",
     {"file_path": "/home/dev/projects/ledger/src/main/java/dev/ledger/account/AccountNames.java"},
     JAVA_FILE.replace("BalanceReport", "AccountNames"), False),
    ("Run the failing test to confirm.", "Let me run the failing test to see the exact error.", "Bash",
     {"command": "mvn -q -Dtest=BalanceReportTest test", "description": "Run the balance report tests",
      "timeout": 120000}, TEST_FAILURE, True),
    ("Closed accounts have no display name. Plan the fix.", "", "TodoWrite",
     {"todos": [{"content": "Handle closed accounts without display name", "status": "in_progress",
                 "activeForm": "Handling closed accounts"},
                {"content": "Add a regression test", "status": "pending", "activeForm": "Adding a regression test"},
                {"content": "Run the full test suite", "status": "pending", "activeForm": "Running the test suite"}]},
     "Todos have been modified successfully. Ensure that you continue to use the todo list to track your progress.",
     False),
    ("Fall back to the account id when there is no display name.",
     "The NPE comes from closed accounts that have no display name. I'll fall back to the account id.", "Edit",
     {"file_path": "/home/dev/projects/ledger/src/main/java/dev/ledger/report/BalanceReport.java",
      "old_string": "                p -> names.displayName(p.account()),",
      "new_string": "                p -> names.displayNameOrId(p.account()),"},
     "The file /home/dev/projects/ledger/src/main/java/dev/ledger/report/BalanceReport.java has been updated. "
     "Here's the result of running `cat -n` on a snippet of the edited file:\n" + JAVA_FILE[:900], False),
    ("Add displayNameOrId to AccountNames.", "", "Edit",
     {"file_path": "/home/dev/projects/ledger/src/main/java/dev/ledger/account/AccountNames.java",
      "old_string": "    public String displayName(AccountId id) {",
      "new_string": "    public String displayNameOrId(AccountId id) {\n        String name = displayName(id);\n"
                    "        return name != null ? name : id.value();\n    }\n\n    public String displayName(AccountId id) {"},
     "The file /home/dev/projects/ledger/src/main/java/dev/ledger/account/AccountNames.java has been updated.", False),
    ("Find other callers that group by display name.", "Let me check for other callers with the same problem.",
     "Glob", {"pattern": "src/main/java/**/*Report*.java"},
     "\n".join(f"/home/dev/projects/ledger/src/main/java/dev/ledger/report/{n}.java"
               for n in ["BalanceReport", "IncomeStatementReport", "TrialBalanceReport", "ReportPeriod"]), False),
    ("Run the tests again.", "", "Bash",
     {"command": "mvn -q -Dtest='*Report*Test' test", "description": "Run the report tests"},
     "[INFO] Tests run: 31, Failures: 0, Errors: 0, Skipped: 0\n[INFO] BUILD SUCCESS", False),
    ("Now the full suite.", "The report tests pass. Running the full suite.", "Bash",
     {"command": "mvn -q test", "description": "Run the full test suite", "timeout": 600000},
     "[INFO] Tests run: 212, Failures: 0, Errors: 0, Skipped: 3\n[INFO] BUILD SUCCESS", False),
]

messages = [{"role": "user", "content": [
    {"type": "text", "text": "<system-reminder>\nAs you answer the user's questions, you can use the following "
     "context: the project uses Maven and JUnit 5.\n</system-reminder>"},
    {"type": "text", "text": "BalanceReportTest.closedAccountsAreListed fails with a NullPointerException. "
     "Find the cause and fix it, then run the tests."}]}]
for i, (thinking, text, name, tool_input, result, is_error) in enumerate(ROUNDS):
    tool_id = f"toolu_01{(i * 7919 + 104729):022d}"[:32]
    content = [{"type": "thinking", "thinking": thinking, "signature": "EqQBCkYIBxgCKkB" + "x" * 80}]
    if text:
        content.append({"type": "text", "text": text})
    content.append({"type": "tool_use", "id": tool_id, "name": name, "input": tool_input})
    messages.append({"role": "assistant", "content": content})
    block = {"type": "tool_result", "tool_use_id": tool_id, "content": result}
    if is_error:
        block["is_error"] = True
    if i == len(ROUNDS) - 1:
        block["cache_control"] = {"type": "ephemeral"}
    messages.append({"role": "user", "content": [block]})

agent = {
    "model": "claude-sonnet-4-5-20250929",
    "max_tokens": 32000,
    "system": [
        {"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude.",
         "cache_control": {"type": "ephemeral"}},
        {"type": "text", "text": system_text(20000), "cache_control": {"type": "ephemeral"}},
    ],
    "messages": messages,
    "tools": TOOLS,
    "tool_choice": {"type": "auto"},
    "thinking": {"type": "enabled", "budget_tokens": 4000},
    "metadata": {"user_id": json.dumps({"device_id": "3f2a9c", "session_id": "8e1d4b27-53a4-4c2e-9a51-0f6d2b7c9e10"})},
}

# --- recorded upstream answer for the agent request ---------------------------------------------------------------
REASONING = ("The full test suite passes now, so the NPE is fixed for the report. But the user also asked about the "
             "failing test itself, and the regression test item on the todo list is still pending. I should add a "
             "test that covers a closed account without a display name, so the fallback to the account id is "
             "pinned down. The existing test class builds accounts with a fixture helper; the new test should use "
             "it too and assert that the balance of the closed account is listed under its id. After that I will "
             "mark the todo items as completed and summarise the change for the user in two or three sentences.")
TEXT = ("All 212 tests pass. I'll add a regression test for closed accounts without a display name so the fallback "
        "to the account id stays covered, then update the todo list.")
TOOL_ID = "call_00_kDg7bXw2TqJ8nYp3LmRs5VcA"
TOOL_ARGS = json.dumps({
    "file_path": "/home/dev/projects/ledger/src/test/java/dev/ledger/report/BalanceReportTest.java",
    "old_string": "    @Test\n    void closedAccountsAreListed() {",
    "new_string": "    @Test\n    void closedAccountWithoutNameIsListedUnderItsId() {\n"
                  "        Account closed = fixture.closedAccount(\"acc-17\", null);\n"
                  "        fixture.post(closed, \"12.50\", LocalDate.of(2026, 3, 1));\n\n"
                  "        Map<String, BigDecimal> balances = report.balances(MARCH_START, MARCH_END);\n\n"
                  "        assertThat(balances).containsEntry(\"acc-17\", new BigDecimal(\"12.50\"));\n    }\n\n"
                  "    @Test\n    void closedAccountsAreListed() {"}, separators=(",", ":"))
USAGE = {"prompt_tokens": 17894, "completion_tokens": 412, "total_tokens": 18306,
         "prompt_tokens_details": {"cached_tokens": 17664}, "prompt_cache_hit_tokens": 17664,
         "prompt_cache_miss_tokens": 230}


def pieces(text, size):
    """Splits text into runs of about `size` characters at spaces, like token streams do."""
    words, out, cur = text.split(" "), [], ""
    for w in words:
        cur = (cur + " " + w) if cur else w
        if len(cur) >= size:
            out.append(cur + " ")
            cur = ""
    if cur:
        out.append(cur)
    return out


def fixed(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


base = {"id": "2c5e1f7a-9b3d-4e8f-a6c1-0d2e3f4a5b6c", "object": "chat.completion.chunk", "created": 1732630000,
        "model": "deepseek-chat", "system_fingerprint": "fp_ffc7281d48_prod0820_fp8_kvcache"}


def chunk(delta, finish=None, usage=None):
    c = dict(base)
    c["choices"] = [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]
    if usage is not None:
        c["usage"] = usage
    return c


chunks = [chunk({"role": "assistant", "content": None, "reasoning_content": ""})]
chunks += [chunk({"content": None, "reasoning_content": p}) for p in pieces(REASONING, 1)]
chunks += [chunk({"content": p, "reasoning_content": None}) for p in pieces(TEXT, 1)]
chunks.append(chunk({"tool_calls": [{"index": 0, "id": TOOL_ID, "type": "function",
                                     "function": {"name": "Edit", "arguments": ""}}]}))
chunks += [chunk({"tool_calls": [{"index": 0, "function": {"arguments": p}}]}) for p in fixed(TOOL_ARGS, 10)]
chunks.append(chunk({"content": ""}, finish="tool_calls", usage=USAGE))

agent_chat = {
    "id": base["id"], "object": "chat.completion", "created": 1732630000, "model": "deepseek-chat",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": TEXT, "reasoning_content": REASONING,
                                         "tool_calls": [{"index": 0, "id": TOOL_ID, "type": "function",
                                                         "function": {"name": "Edit", "arguments": TOOL_ARGS}}]},
                 "logprobs": None, "finish_reason": "tool_calls"}],
    "usage": USAGE, "system_fingerprint": base["system_fingerprint"]}

if __name__ == "__main__":
    dump(os.path.join(BODIES, "anthropic-small.json"), small)
    dump(os.path.join(BODIES, "anthropic-agent.json"), agent)
    dump(os.path.join(UPSTREAM, "agent-chat.json"), agent_chat)
    with open(os.path.join(UPSTREAM, "agent-stream.sse"), "w", encoding="utf-8") as f:
        for c in chunks:
            f.write("data: " + json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n\n")
        f.write("data: [DONE]\n\n")
    sysl = len(agent["system"][1]["text"])
    print(f"agent body {len(json.dumps(agent, separators=(',', ':')))} bytes, system {sysl} chars, "
          f"{len(messages)} messages, {len(TOOLS)} tools; agent stream {len(chunks)} chunks", flush=True)
