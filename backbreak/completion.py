"""Shell completion for bash, zsh and fish, generated from the command line's own parser.

One source of truth: a command or option added to ``backbreak.cli.build_parser`` completes in
every shell without touching this file. ``backbreak completion SHELL`` prints a script, and
``backbreak install-desktop-entry`` installs all three where the shells look for them.

argparse has no public way to list its commands and options, so this reads the parser's
actions (``parser._actions``; stable since Python 3.2 and used the same way by argcomplete
and shtab) into a small model first, and writes the scripts from that model.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from backbreak.core.pause import INDEFINITELY, UNTIL_TOMORROW

PROGRAM = "backbreak"

INSTALL_PATHS = {
    # bash-completion 2 loads completions on demand from here (BASH_COMPLETION_USER_DIR
    # defaults to $XDG_DATA_HOME/bash-completion).
    "bash": "bash-completion/completions/backbreak",
    # Not on zsh's default fpath: the README says how to add the folder.
    "zsh": "zsh/site-functions/_backbreak",
    # fish 3.5+ reads vendor completions from $XDG_DATA_HOME/fish/vendor_completions.d.
    "fish": "fish/vendor_completions.d/backbreak.fish",
}
"""Where each script goes, relative to the XDG data folder (``~/.local/share``)."""

# Words a positional without fixed choices offers (the pause length): examples, not a list.
POSITIONAL_HINTS = {"spec": ("30m", "1h", "2h30m", UNTIL_TOMORROW[0], INDEFINITELY[0])}


@dataclass(frozen=True)
class Option:
    flags: tuple[str, ...]
    help: str
    value: str | None
    """None for a flag; "file", "dir" or "word" for an option that takes a value."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    words: tuple[str, ...]
    """What its positional argument can be (choices, or hints); empty when it has none."""


@dataclass(frozen=True)
class Interface:
    options: tuple[Option, ...]
    commands: tuple[Command, ...]

    def all_command_names(self) -> list[str]:
        return [command.name for command in self.commands]


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    options = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        if action.nargs == 0:
            value = None
        elif action.metavar == "DIR":
            value = "dir"
        elif action.metavar == "FILE":
            value = "file"
        else:
            value = "word"
        options.append(Option(tuple(action.option_strings), action.help or "", value))
    return tuple(options)


def _words(parser: argparse.ArgumentParser) -> tuple[str, ...]:
    for action in parser._actions:
        if action.option_strings or isinstance(action, argparse._SubParsersAction):
            continue
        if action.choices is not None:
            return tuple(str(choice) for choice in action.choices)
        return POSITIONAL_HINTS.get(action.dest, ())
    return ()


def describe_parser(parser: argparse.ArgumentParser) -> Interface:
    """The commands and options ``parser`` accepts, as plain data."""
    commands: list[Command] = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
        for name, subparser in action.choices.items():
            commands.append(
                Command(name, helps.get(name, ""), _options(subparser), _words(subparser))
            )
    return Interface(_options(parser), tuple(commands))


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    interface = describe_parser(parser)
    writers = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}
    return writers[shell](interface)


# ---- bash ----------------------------------------------------------------------------------


def _flags(options: Sequence[Option]) -> list[str]:
    return [flag for option in options for flag in option.flags]


def bash_script(interface: Interface) -> str:
    names = interface.all_command_names()
    every_option = [*interface.options, *(o for c in interface.commands for o in c.options)]
    by_kind: dict[str, set[str]] = {"file": set(), "dir": set(), "word": set()}
    for option in every_option:
        if option.value is not None:
            by_kind[option.value].update(option.flags)
    cases = [
        f'        "") words="{" ".join(names)}" flags="{" ".join(_flags(interface.options))}" ;;'
    ]
    for command in interface.commands:
        cases.append(
            f'        {command.name}) words="{" ".join(command.words)}" '
            f'flags="{" ".join(_flags(command.options))}" ;;'
        )
    value_cases = []
    for kind, action in (
        ("dir", 'compopt -o filenames; mapfile -t COMPREPLY < <(compgen -d -- "$cur")'),
        ("file", 'compopt -o filenames; mapfile -t COMPREPLY < <(compgen -f -- "$cur")'),
        ("word", "COMPREPLY=()"),
    ):
        if by_kind[kind]:
            value_cases.append(f"        {'|'.join(sorted(by_kind[kind]))}) {action}; return ;;")
    lines = [
        f"# bash completion for {PROGRAM}; written by '{PROGRAM} completion bash' from its",
        "# argument parser.",
        f"_{PROGRAM}() {{",
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
        "    local command= words flags i",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        case ${COMP_WORDS[i]} in",
        f"        {'|'.join(names)}) command=${{COMP_WORDS[i]}}; break ;;",
        "        esac",
        "    done",
        "    case $prev in",
        *value_cases,
        "    esac",
        "    case $command in",
        *cases,
        "    esac",
        "    # Options only once a dash is typed, as most tools do.",
        "    [[ $cur == -* ]] && words=$flags",
        '    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")',
        "}",
        f"complete -F _{PROGRAM} {PROGRAM}",
    ]
    return "\n".join(lines) + "\n"


# ---- zsh -----------------------------------------------------------------------------------


def _zsh_text(text: str) -> str:
    """Text inside an _arguments spec's [...] or a _describe entry, in single quotes."""
    return text.replace("'", "'\\''").replace("[", "(").replace("]", ")").replace(":", "\\:")


def _zsh_option_specs(options: Sequence[Option]) -> list[str]:
    specs = []
    for option in options:
        help_text = _zsh_text(option.help)
        value = {
            None: "",
            "dir": ":directory:_directories",
            "file": ":file:_files",
            "word": ":value: ",
        }[option.value]
        # '=' lets zsh complete both "--data-dir DIR" and "--data-dir=DIR", as argparse reads.
        long_equals = "=" if option.value is not None else ""
        if len(option.flags) == 1:
            flag = option.flags[0]
            equals = long_equals if flag.startswith("--") else ""
            specs.append(f"'{flag}{equals}[{help_text}]{value}'")
        else:
            exclusive = " ".join(option.flags)
            for flag in option.flags:
                equals = long_equals if flag.startswith("--") else ""
                specs.append(f"'({exclusive})'{flag}{equals}'[{help_text}]{value}'")
    return specs


def zsh_script(interface: Interface) -> str:
    described = " ".join(
        f"'{_zsh_text(command.name)}:{_zsh_text(command.help)}'" for command in interface.commands
    )
    command_cases = []
    for command in interface.commands:
        specs = _zsh_option_specs(command.options)
        if command.words:
            specs.append(f"'1:argument:({' '.join(command.words)})'")
        command_cases.append(f"    ({command.name}) _arguments -s {' '.join(specs)} ;;")
    lines = [
        f"#compdef {PROGRAM}",
        f"# zsh completion for {PROGRAM}; written by '{PROGRAM} completion zsh' from its",
        "# argument parser.",
        f"_{PROGRAM}() {{",
        "  local curcontext=$curcontext state line",
        "  typeset -A opt_args",
        f"  _arguments -s -C {' '.join(_zsh_option_specs(interface.options))} \\",
        "    '1:command:->command' '*::argument:->argument'",
        "  case $state in",
        "  (command)",
        f"    local -a commands=({described})",
        f"    _describe -t commands '{PROGRAM} command' commands ;;",
        "  (argument)",
        "    case $line[1] in",
        *command_cases,
        "    esac ;;",
        "  esac",
        "}",
        f'_{PROGRAM} "$@"',
    ]
    return "\n".join(lines) + "\n"


# ---- fish ----------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(option: Option, condition: str | None) -> str:
    parts = [f"complete -c {PROGRAM}"]
    if condition:
        parts.append(f"-n {_fish_quote(condition)}")
    for flag in option.flags:
        parts.append(f"-l {flag[2:]}" if flag.startswith("--") else f"-s {flag[1:]}")
    if option.value == "file":
        parts.append("-r -F")
    elif option.value == "dir":
        parts.append("-x -a '(__fish_complete_directories)'")
    elif option.value == "word":
        parts.append("-x")
    parts.append(f"-d {_fish_quote(option.help)}")
    return " ".join(parts)


def fish_script(interface: Interface) -> str:
    names = " ".join(interface.all_command_names())
    no_command = f"not __fish_seen_subcommand_from {names}"
    lines = [
        f"# fish completion for {PROGRAM}; written by '{PROGRAM} completion fish' from its",
        "# argument parser.",
        f"complete -c {PROGRAM} -f",
    ]
    everywhere = set.intersection(
        *({option.flags for option in command.options} for command in interface.commands)
    )
    for option in interface.options:
        # --help, --data-dir, --verbose go with every command; --version only alone.
        lines.append(_fish_option(option, None if option.flags in everywhere else no_command))
    for command in interface.commands:
        lines.append(
            f"complete -c {PROGRAM} -n {_fish_quote(no_command)} -a {command.name} "
            f"-d {_fish_quote(command.help)}"
        )
    for command in interface.commands:
        seen = f"__fish_seen_subcommand_from {command.name}"
        for option in command.options:
            if option.flags not in everywhere:  # those are offered everywhere already
                lines.append(_fish_option(option, seen))
        if command.words:
            words = _fish_quote(" ".join(command.words))
            lines.append(f"complete -c {PROGRAM} -n {_fish_quote(seen)} -a {words}")
    return "\n".join(lines) + "\n"
