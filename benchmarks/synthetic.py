"""Plausible synthetic content for benchmark data: names, values, narratives and evidence files.

Everything is drawn from a seeded ``random.Random``, so a data set is reproducible from its
parameters. Values follow the task's measure type and grow over the year, the way a town's
cumulative progress does. Evidence files are random bytes behind a real JPEG or PDF header,
so they cannot be compressed and the product treats them as photos and scans.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from meili_desktop.domain.catalogue import MeasureType, Task
from meili_desktop.domain.entries import Status

MIB = 1024 * 1024

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁"
             "谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈")
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉晓建国文海波宁婷雪"
_PLACE = "安宁平和新兴清溪山河桥湖塘石岭源坞口埠塔泉江阳荷桐柳梅枫竹松云龙凤凰仙乐昌盛丰祥瑞福"
_PLACE_SUFFIXES = ("镇", "镇", "镇", "乡", "街道")

_PROGRESS = ("按计划有序推进", "进度略快于计划", "受雨季影响进度略有滞后", "已完成阶段性目标",
             "正在开展验收准备工作", "已通过县级部门初验")
_ACTIONS = ("召开专题推进会 {n} 次", "组织现场踏勘 {n} 次", "落实专项资金 {n} 万元",
            "完成入户走访 {n} 户", "开展培训 {n} 场", "整改问题 {n} 处")
_NEXT_STEPS = ("下一步将加快施工进度，确保年底前完成目标任务。",
               "下一步将加强部门协同，及时解决推进中的难点问题。",
               "下一步将做好资料归档，迎接市级考核。",
               "下一步将巩固提升成果，建立长效管理机制。")


@dataclass(frozen=True)
class EntryContent:
    """The fields a township clerk fills in for one task and period."""

    status: Status
    value: Decimal | None
    narrative: str
    responsible_person: str
    contact: str


def person_name(rng: random.Random) -> str:
    """Return a Chinese personal name of two or three characters."""
    given = rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(_SURNAMES) + given


def phone_number(rng: random.Random) -> str:
    """Return a Hangzhou landline or a mobile number."""
    if rng.random() < 0.5:
        return f"0571-8{rng.randrange(10**6, 10**7)}"
    return f"1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}"


def place_names(rng: random.Random, count: int, taken: set[str] | None = None) -> list[str]:
    """Return ``count`` distinct township names such as 清溪镇, avoiding ``taken``."""
    used = set(taken or ())
    names: list[str] = []
    while len(names) < count:
        name = rng.choice(_PLACE) + rng.choice(_PLACE) + rng.choice(_PLACE_SUFFIXES)
        if name[0] != name[1] and name not in used:
            used.add(name)
            names.append(name)
    return names


def county_names(rng: random.Random, count: int, taken: set[str] | None = None) -> list[str]:
    """Return ``count`` distinct county names such as 清溪县 or 梅江市, avoiding ``taken``."""
    used = {name[:2] for name in taken or ()}
    names: list[str] = []
    while len(names) < count:
        stem = rng.choice(_PLACE) + rng.choice(_PLACE)
        if stem[0] != stem[1] and stem not in used:
            used.add(stem)
            names.append(stem + rng.choice("县县县市区"))
    return names


def annual_target(rng: random.Random, task: Task) -> Decimal | None:
    """Return a year target for a numeric task, or None for milestones and narratives."""
    if task.measure is MeasureType.PERCENT:
        return Decimal(rng.choice((80, 85, 90, 95, 100)))
    if task.measure is MeasureType.RATE:
        return Decimal(rng.randint(20, 60))
    if task.measure is MeasureType.LENGTH:
        return Decimal(rng.randint(2, 30))
    if task.measure is MeasureType.COUNT:
        return Decimal(rng.randint(1, 12))
    return None


def progress_value(task: Task, target: Decimal | None, share: float,
                   pace: float) -> Decimal | None:
    """Return the cumulative value after ``share`` (0..1) of the year.

    ``pace`` is the town's speed on the task, about 0.75 to 1.2; 1 reaches the target exactly
    at the end of the year. Percentages start the year at 60 % of their target.
    """
    if target is None:
        return None
    if task.measure is MeasureType.PERCENT:
        floor = float(target) * 0.6
        reached = floor + (float(target) - floor) * min(1.0, share * pace)
        return Decimal(f"{min(100.0, reached):.1f}")
    reached = float(target) * min(1.2, share * pace)
    if task.measure is MeasureType.COUNT:
        return Decimal(int(round(reached)))
    return Decimal(f"{reached:.1f}")


def status_for(rng: random.Random, share: float) -> Status:
    """Return a status that moves from not started to done over the year."""
    roll = rng.random()
    if roll < 0.03:
        return Status.NOT_APPLICABLE
    if share >= 1.0 and roll < 0.75:
        return Status.DONE
    if share < 0.3 and roll < 0.25:
        return Status.NOT_STARTED
    return Status.IN_PROGRESS if roll < 0.9 else Status.DONE


def narrative(rng: random.Random, task: Task, period_code: str, value: Decimal | None) -> str:
    """Return a progress narrative of roughly 60 to 400 characters."""
    parts = [f"{period_code}，{task.title.rstrip('。')}工作{rng.choice(_PROGRESS)}。"]
    if value is not None:
        parts.append(f"截至本期末累计完成 {value}{task.unit}。")
    for _ in range(rng.randint(1, 4)):
        parts.append(rng.choice(_ACTIONS).format(n=rng.randint(1, 30)) + "，")
    parts[-1] = parts[-1].rstrip("，") + "。"
    parts.append(rng.choice(_NEXT_STEPS))
    return "".join(parts)


def entry_content(rng: random.Random, task: Task, period_code: str, target: Decimal | None,
                  share: float, pace: float, person: str, contact: str) -> EntryContent:
    """Return one entry's content for a task at ``share`` of the year (see progress_value)."""
    status = status_for(rng, share)
    value = None if status is Status.NOT_APPLICABLE else \
        progress_value(task, target, share, pace)
    return EntryContent(status, value, narrative(rng, task, period_code, value), person, contact)


def write_photo(path: Path, size: int, rng: random.Random) -> Path:
    """Write a JPEG-looking file of ``size`` bytes of incompressible content."""
    header = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00"
    _write_random(path, header, size, b"\xff\xd9", rng)
    return path


def write_pdf(path: Path, size: int, rng: random.Random) -> Path:
    """Write a PDF-looking file of ``size`` bytes of incompressible content."""
    _write_random(path, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", size, b"\n%%EOF\n", rng)
    return path


def _write_random(path: Path, head: bytes, size: int, tail: bytes, rng: random.Random) -> None:
    body = max(0, size - len(head) - len(tail))
    with path.open("wb") as output:
        output.write(head)
        while body:
            block = min(body, 4 * MIB)
            output.write(rng.randbytes(block))
            body -= block
        output.write(tail)


def photo_size(rng: random.Random) -> int:
    """Return the size of a phone photo: 2 to 4 MiB."""
    return rng.randint(2 * MIB, 4 * MIB)


def pdf_size(rng: random.Random) -> int:
    """Return the size of a scanned acceptance form: 150 to 600 KiB."""
    return rng.randint(150 * 1024, 600 * 1024)
