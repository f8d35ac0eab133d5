"""What the peer reports (summarize.py, lif_step_summary.py, warmup_summary.py) share: reading the
environment file their scripts write and printing it, with the raw results, as Markdown."""
import json


def read_env(path):
    """key=value lines (the value may hold '=')."""
    return dict(line.rstrip('\n').split('=', 1) for line in open(path) if '=' in line)


def environment(w, env, rows):
    """The environment table: rows are (key, label); missing keys print '?'."""
    w('## Environment')
    w('')
    w('| | |')
    w('|---|---|')
    for key, label in rows:
        w('| %s | %s |' % (label, env.get(key, '?').replace('|', '/')))


def finish(out, env, lines):
    """Appends the command and the raw results (a fenced block; dicts as JSON, strings as they are) and prints it all."""
    w = out.append
    w('')
    w('Command: `%s`' % env.get('command', '?'))
    w('')
    w('## Raw results (JSON lines)')
    w('')
    w('```')
    for line in lines:
        w(json.dumps(line) if isinstance(line, dict) else line.rstrip('\n'))
    w('```')
    print('\n'.join(out))
