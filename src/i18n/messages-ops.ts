/** Messages of the ops commands (doctor, backup, restore, export), zh and en with the same keys. */
export const opsZh = {
  "import.stdinTwice": "标准输入（-）只能导入一次",
  "ops.doctor.check.access": "文件权限",
  "ops.doctor.check.leftovers": "残留临时文件",
  "ops.doctor.access.ok": "文件夹可写，数据库文件仅本人可读写",
  "ops.doctor.access.folder":
    "数据库所在文件夹 {dir} 只读：dzkj 无法写入（WAL 模式需要在数据库旁创建 -wal 和 -shm 文件）。这不是文件损坏：请修改该文件夹的权限",
  "ops.doctor.access.mode":
    "数据库文件权限为 {mode}，其他用户可读；下一条写入命令会改为 0600（或运行 chmod 600）",
  "ops.doctor.leftovers.none": "没有被中断的备份或恢复留下的临时文件",
  "ops.doctor.leftovers.removed":
    "已删除 {count} 个被中断的 dzkj 进程留下的临时文件（其进程已不存在）：{list}",
  "imports.redo.notUndone": "批次 #{id} 没有被撤销，无需重做",
  "imports.redo.done": "已重做批次 #{id}（记为批次 #{undo}）：恢复 {restored} 项，删除 {removed} 项",
  "imports.undo.preview": "撤销批次 #{id}（{file}）将修改 {count} 项：",
  "imports.redo.preview": "重做批次 #{id}（{file}）将修改 {count} 项：",
  "imports.undo.previewMore": "  ……另有 {count} 项",
  "imports.undo.question": "确定吗？[y/N] ",
  "imports.undo.cancelled": "已取消，数据库未作任何修改",
  "help.opt.convert":
    "修订的工作要点改变了已有数据指标的计量单位（万元/亿元/元）时，按新单位换算已存数值（可用 dzkj imports undo 撤销）",
  "plan.revision.refused":
    "{file}: 未载入 {year} 年工作要点修订：{count} 项指标已有数值，修订会改变这些数值的含义；数据库未作任何修改",
  "plan.revision.unit":
    "{name} 的计量单位由 {from} 改为 {to}，已存 {count} 个数值会被误读为 {to}；确需修改请加 --convert，按新单位换算已存数值",
  "plan.revision.unitFixed":
    "{name} 的计量单位由 {from} 改为 {to}：两者不能换算，已存 {count} 个数值会被误读；请保留原单位",
  "plan.revision.kind":
    "{name} 的类型由 {from} 改为 {to}：已存 {count} 个数值按原类型（累计/存量/比率）填报，类型变更不能换算；请保留原类型",
  "plan.revision.refusedReferenced":
    "{file}: 未载入 {year} 年工作要点修订：{count} 处与已存的数值或单位目标冲突；数据库未作任何修改",
  "plan.revision.removedUnit":
    "新要点删去了填报单位 {name}，但已存它的 {values} 个数值和 {targets} 个单位目标：请保留该单位，或先用 dzkj imports undo 撤销写入它们的批次",
  "plan.revision.removedIndicator":
    "新要点删去了指标 {name}，但已存它的 {values} 个数值和 {targets} 个单位目标：请保留该指标，或先用 dzkj imports undo 撤销写入它们的批次",
  "init.converted":
    "已把 {name} 的 {count} 个数值由 {from} 换算为 {to}，记为批次 #{batch}（dzkj imports undo {batch} 可撤销）",
  "ops.notDzkj.incomplete":
    "{file} 不是完整的 dzkj 数据库：其结构迁移记录所要求的表或列不存在（{missing}）；数据库未作任何修改",
  "ops.restore.unverified":
    "恢复后核对失败：数据库 {path} 的行数与备份不一致（{detail}）。恢复前的数据库已备份，请用 dzkj restore 从该备份恢复",
  "ops.restore.notCheckpointed":
    "恢复已完成并已提交，但有其他进程仍在读取，WAL 检查点尚未完成；SQLite 会在之后自动完成，数据不受影响",
  "ops.output.noDir": "文件夹 {dir} 不存在：请先创建，或指定已有的文件夹",
  "ops.output.isDatabase": "不能写入 {file}：它是数据库 {db} 本身（或其 -wal/-shm 文件）；数据库未作任何修改",
  "ops.write.full":
    "磁盘已满，无法写入 {file}（{error}）：已写的部分已删除，原有文件未改动；请腾出空间后重试",
  "ops.write.denied": "没有权限写入 {file}（{error}）：原有文件未改动；请检查该文件夹的写权限",
  "ops.write.isDir": "{file} 是一个文件夹，不能当作文件写入（{error}）：未作任何修改",
  "ops.write.missing": "无法写入 {file}：所在文件夹不存在或已被删除（{error}）；请先创建该文件夹",
  "ops.write.failed": "写入 {file} 失败（{error}）：已写的部分已删除，原有文件未改动",
  "db.error.notADatabase":
    "{path} 不是 SQLite 数据库文件（{error}）；未作任何修改。请检查 --db 指定的路径；若这正是你的数据库，请用 dzkj restore 从备份恢复",
  "db.error.corrupt":
    "数据库 {path} 已损坏（{error}）；未作任何修改。请运行 dzkj doctor 查看，并用 dzkj restore 从备份恢复",
  "db.error.full": "磁盘已满，无法写入数据库 {path}（{error}）；未作任何修改。请腾出磁盘空间后重试",
  "db.error.readonly":
    "无法写入数据库 {path}（{error}）；未作任何修改。请检查该文件及其所在文件夹的写权限：WAL 模式需要在数据库旁创建 -wal 和 -shm 文件，只读的文件夹是最常见的原因",
  "db.error.cantOpen":
    "无法打开数据库 {path}（{error}）；未作任何修改。请检查路径是否存在，以及所在文件夹的读写权限（WAL 模式需要在数据库旁创建文件）",
  "db.error.io":
    "读写数据库 {path} 时发生磁盘 I/O 错误（{error}）；未作任何修改。请检查磁盘和文件系统，再运行 dzkj doctor",
  "db.error.incomplete":
    "数据库 {path} 不完整：缺少表 {table}，不是完整的 dzkj 数据库；未作任何修改。请运行 dzkj doctor 查看，并用 dzkj restore 从备份恢复",
  "db.error.missing":
    "数据库 {path} 不存在；未作任何修改。请检查 --db 的路径；要新建数据库请运行 dzkj --db {path} init",
  "usage.dbEmpty": "--db 不能为空（未设置的变量？）；不指定 --db 时使用 DZKJ_DB 或默认数据库",
  "usage.dbMemory": "--db {value} 不可用：内存数据库在命令结束时即消失；请指定一个文件",
  "db.error.locked":
    "数据库 {path} 正被另一个 dzkj 或其他程序写入，等待 {seconds} 秒后仍未释放；未作任何修改。请稍后重试，或用 --wait 秒数 等得更久",
  "db.waiting":
    "正在等待数据库 {path} 的写入锁：另一个 dzkj 或程序正在写入（已等待 {seconds} 秒，最多 {max} 秒）",
  "usage.wait": "--wait 必须是不小于 0 的秒数（收到 {value}）",
  "help.opt.wait": "写入时等待其他进程释放数据库锁的最长秒数（默认 120）",
  "ops.noDatabase": "数据库 {path} 不存在（用 --db 或 DZKJ_DB 指定数据库）",
  "ops.cannotOpen": "无法打开数据库 {path}：{error}",
  "ops.notDzkj.notSqlite": "{file} 不是 dzkj 数据库（不是 SQLite 文件）",
  "ops.notDzkj.noMigrations": "{file} 不是 dzkj 数据库（没有 schema_migrations 表）",
  "ops.notDzkj.corrupt": "{file} 不是可用的 dzkj 数据库（无法读取或完整性检查未通过：{detail}）",
  "ops.newer": "{file} 由更新版本的 dzkj 写入（结构迁移 {names} 本版本不认识）；未作任何修改，请升级 dzkj",
  "ops.doctor.title": "数据库检查",
  "ops.doctor.head.check": "检查项",
  "ops.doctor.head.status": "结果",
  "ops.doctor.head.detail": "说明",
  "ops.doctor.status.ok": "正常",
  "ops.doctor.status.warning": "注意",
  "ops.doctor.status.problem": "问题",
  "ops.doctor.status.skipped": "未检查",
  "ops.doctor.skipped": "数据库文件已损坏或不完整，此项未检查",
  "ops.doctor.check.integrity": "完整性",
  "ops.doctor.check.schema": "结构版本",
  "ops.doctor.check.foreignKeys": "外键",
  "ops.doctor.check.orphans": "未知指标/单位的数值",
  "ops.doctor.check.wal": "WAL 文件",
  "ops.doctor.check.neverReported": "从未报送的单位",
  "ops.doctor.integrity.ok": "PRAGMA integrity_check: ok",
  "ops.doctor.integrity.bad": "发现 {count} 处损坏：{first}（请用 dzkj restore 从备份恢复）",
  "ops.doctor.schema.ok": "版本 {version}（已应用 {applied} 个迁移，本版本共 {known} 个）",
  "ops.doctor.schema.pending":
    "版本 {version}，有 {count} 个迁移待应用：{names}（下一条 dzkj 命令会先备份再自动升级；doctor、backup、export 不修改数据库）",
  "ops.doctor.schema.unknown": "有本版本不认识的迁移：{names}（由更新版本的 dzkj 写入，请升级 dzkj）",
  "ops.doctor.schema.none": "没有 schema_migrations 表：不是 dzkj 数据库",
  "ops.doctor.schema.incomplete":
    "记录为版本 {version}，但缺少其迁移应有的表或列：{missing}（不是完整的 dzkj 数据库；请用 dzkj restore 从备份恢复）",
  "ops.doctor.fk.ok": "没有违反外键的行",
  "ops.doctor.fk.bad": "{count} 行违反外键：{tables}",
  "ops.doctor.orphans.ok": "所有数值的指标和单位都在工作要点中",
  "ops.doctor.orphans.bad": "{count} 个数值的指标或单位不在当年工作要点中：{list}",
  "ops.doctor.wal.ok": "{size}",
  "ops.doctor.wal.big": "{size}，偏大：可能有长时间运行的读取进程阻止了检查点",
  "ops.doctor.never.ok": "所有单位都报送过数据",
  "ops.doctor.never.some": "{year} 年 {count} 个单位从未报送：{names}",
  "ops.doctor.summary.ok": "{path}：数据库正常（{values} 个数值，{batches} 个批次，工作要点年份 {years}）",
  "ops.doctor.summary.bad": "{path}：{count} 项检查发现问题",
  "ops.doctor.unhealthy": "数据库检查：{count} 项发现问题",
  "ops.backup.done": "已备份 {path} 到 {file}（{size}，{values} 个数值，结构版本 {version}）",
  "ops.backup.sameFile": "备份文件不能是数据库本身：{file}",
  "ops.backup.noDir": "目录 {dir} 不存在：请先创建",
  "ops.backup.failed": "备份到 {file} 失败：{error}（未留下不完整的文件）",
  "ops.restore.notFile": "{file} 不存在或不是普通文件",
  "ops.restore.needYes": "恢复会替换数据库 {path}：请在终端中运行以确认，或在脚本中加 --yes",
  "ops.restore.question":
    "用 {file}（{values} 个数值，{batches} 个批次，结构版本 {version}）替换数据库 {path}（当前 {current} 个数值）？原数据库会先备份。[y/N] ",
  "ops.restore.cancelled": "已取消恢复，数据库未作任何修改",
  "ops.restore.safety": "恢复前已把当前数据库备份到 {file}",
  "ops.restore.done":
    "已从 {file} 恢复数据库 {path}（{values} 个数值，{batches} 个批次，结构版本 {version}）",
  "ops.restore.older": "该备份的结构版本较旧（{version}）：下次写入命令会自动升级（升级前会再备份）",
  "ops.export.notEmpty": "导出目录 {dir} 已存在且不为空：请指定新目录",
  "ops.export.notDir": "{dir} 已存在且不是目录",
  "ops.export.done": "已导出 {tables} 张表（共 {rows} 行）到 {dir}，清单见 {manifest}",
} as const;

export const opsEn: Record<keyof typeof opsZh, string> = {
  "import.stdinTwice": "standard input (-) can be imported only once",
  "ops.doctor.check.access": "file access",
  "ops.doctor.check.leftovers": "leftover temp files",
  "ops.doctor.access.ok": "the folder is writable; the database file is readable by its owner only",
  "ops.doctor.access.folder":
    "the folder {dir} of the database is read-only: dzkj cannot write (in WAL mode SQLite creates -wal and -shm files beside the database). The file is not damaged: change the folder's permissions",
  "ops.doctor.access.mode":
    "the database file has mode {mode}, readable by other users; the next writing command sets it to 0600 (or run chmod 600)",
  "ops.doctor.leftovers.none": "no temp files left by an interrupted backup or restore",
  "ops.doctor.leftovers.removed":
    "removed {count} temp files left by dzkj processes that no longer run: {list}",
  "imports.redo.notUndone": "batch #{id} has not been undone: there is nothing to redo",
  "imports.redo.done": "redid batch #{id} (as batch #{undo}): {restored} restored, {removed} removed",
  "imports.undo.preview": "undoing batch #{id} ({file}) changes {count} items:",
  "imports.redo.preview": "redoing batch #{id} ({file}) changes {count} items:",
  "imports.undo.previewMore": "  … and {count} more",
  "imports.undo.question": "Go ahead? [y/N] ",
  "imports.undo.cancelled": "cancelled; the database was not changed",
  "help.opt.convert":
    "when a revised plan changes the unit (万元/亿元/元) of an indicator with stored values, convert those values (undo with dzkj imports undo)",
  "plan.revision.refused":
    "{file}: the revision of the {year} plan was not loaded: {count} indicators have stored values whose meaning it would change; the database was not changed",
  "plan.revision.unit":
    "{name}: the unit changes from {from} to {to}, and its {count} stored values would be read as {to}; add --convert to convert them to the new unit",
  "plan.revision.unitFixed":
    "{name}: the unit changes from {from} to {to}, which cannot be converted, and its {count} stored values would be misread; keep the old unit",
  "plan.revision.kind":
    "{name}: the kind changes from {from} to {to}; its {count} stored values were reported as {from}, and a change of kind is never converted; keep the old kind",
  "plan.revision.refusedReferenced":
    "{file}: the revision of the {year} plan was not loaded: {count} conflict(s) with stored values or unit targets; the database was not changed",
  "plan.revision.removedUnit":
    "the new plan drops the reporting unit {nameEn}, but {values} stored values and {targets} unit targets name it: keep the unit, or first undo the batches that wrote them (dzkj imports undo)",
  "plan.revision.removedIndicator":
    "the new plan drops the indicator {nameEn}, but {values} stored values and {targets} unit targets name it: keep the indicator, or first undo the batches that wrote them (dzkj imports undo)",
  "init.converted":
    "converted the {count} values of {name} from {from} to {to} as batch #{batch} (undo with dzkj imports undo {batch})",
  "ops.notDzkj.incomplete":
    "{file} is not a complete dzkj database: tables or columns its recorded migrations create are missing ({missing}); the database was not changed",
  "ops.restore.unverified":
    "the restore could not be verified: the row counts of the database {path} differ from the backup's ({detail}). The database as it was before is saved: restore it with dzkj restore",
  "ops.restore.notCheckpointed":
    "the restore is complete and committed, but another process is still reading, so the WAL checkpoint has not finished; SQLite finishes it later, the data is not affected",
  "ops.output.noDir": "the folder {dir} does not exist: create it first, or name an existing folder",
  "ops.output.isDatabase":
    "cannot write {file}: it is the database {db} itself (or its -wal/-shm file); the database was not changed",
  "ops.write.full":
    "the disk is full: cannot write {file} ({error}); what was written is removed and any existing file is unchanged. Free some space and try again",
  "ops.write.denied":
    "no permission to write {file} ({error}); any existing file is unchanged. Check the folder's write permission",
  "ops.write.isDir": "{file} is a folder and cannot be written as a file ({error}); nothing was changed",
  "ops.write.missing":
    "cannot write {file}: its folder does not exist or was removed ({error}); create the folder first",
  "ops.write.failed":
    "writing {file} failed ({error}); what was written is removed and any existing file is unchanged",
  "db.error.notADatabase":
    "{path} is not an SQLite database file ({error}); nothing was changed. Check the path given with --db; if this is your database, restore it from a backup with dzkj restore",
  "db.error.corrupt":
    "the database {path} is damaged ({error}); nothing was changed. Run dzkj doctor to see more, and dzkj restore to go back to a backup",
  "db.error.full":
    "the disk is full: cannot write the database {path} ({error}); nothing was changed. Free some space and try again",
  "db.error.readonly":
    "cannot write the database {path} ({error}); nothing was changed. Check the write permission of the file and of its folder: in WAL mode SQLite creates -wal and -shm files beside the database, and a read-only folder is the usual cause",
  "db.error.cantOpen":
    "cannot open the database {path} ({error}); nothing was changed. Check that the path exists and that its folder can be read and written (WAL mode creates files beside the database)",
  "db.error.io":
    "a disk I/O error while reading or writing the database {path} ({error}); nothing was changed. Check the disk and file system, then run dzkj doctor",
  "db.error.incomplete":
    "the database {path} is incomplete: it has no table {table}, so it is not a whole dzkj database; nothing was changed. Run dzkj doctor, and restore a backup with dzkj restore",
  "db.error.missing":
    "the database {path} does not exist; nothing was changed. Check the path given with --db; to create a new database run dzkj --db {path} init",
  "usage.dbEmpty":
    "--db cannot be empty (an unset variable?); without --db dzkj uses DZKJ_DB or the default database",
  "usage.dbMemory":
    "--db {value} cannot be used: an in-memory database is gone when the command ends; give a file",
  "db.error.locked":
    "the database {path} is being written by another dzkj or program, still after waiting {seconds} s; nothing was changed. Try again later, or wait longer with --wait SECONDS",
  "db.waiting":
    "waiting for the write lock of the database {path}: another dzkj or program is writing to it ({seconds} s of at most {max} s)",
  "usage.wait": "--wait must be a number of seconds, 0 or more (got {value})",
  "help.opt.wait": "how many seconds a write waits for another process to release the database (default 120)",
  "ops.noDatabase": "the database {path} does not exist (choose one with --db or DZKJ_DB)",
  "ops.cannotOpen": "cannot open the database {path}: {error}",
  "ops.notDzkj.notSqlite": "{file} is not a dzkj database (not an SQLite file)",
  "ops.notDzkj.noMigrations": "{file} is not a dzkj database (it has no schema_migrations table)",
  "ops.notDzkj.corrupt":
    "{file} is not a usable dzkj database (unreadable or failing the integrity check: {detail})",
  "ops.newer":
    "{file} was written by a newer dzkj (migrations {names} are unknown to this version); nothing was changed — upgrade dzkj",
  "ops.doctor.title": "Database check",
  "ops.doctor.head.check": "Check",
  "ops.doctor.head.status": "Result",
  "ops.doctor.head.detail": "Detail",
  "ops.doctor.status.ok": "ok",
  "ops.doctor.status.warning": "warning",
  "ops.doctor.status.problem": "PROBLEM",
  "ops.doctor.status.skipped": "skipped",
  "ops.doctor.skipped": "not checked: the database file is damaged or incomplete",
  "ops.doctor.check.integrity": "integrity",
  "ops.doctor.check.schema": "schema version",
  "ops.doctor.check.foreignKeys": "foreign keys",
  "ops.doctor.check.orphans": "values of unknown indicators/units",
  "ops.doctor.check.wal": "WAL file",
  "ops.doctor.check.neverReported": "units that never reported",
  "ops.doctor.integrity.ok": "PRAGMA integrity_check: ok",
  "ops.doctor.integrity.bad": "{count} problems: {first} (restore from a backup with dzkj restore)",
  "ops.doctor.schema.ok": "version {version} ({applied} migrations applied, {known} known to this dzkj)",
  "ops.doctor.schema.pending":
    "version {version}, {count} migrations pending: {names} (the next dzkj command upgrades it after a backup; doctor, backup and export never change the database)",
  "ops.doctor.schema.unknown": "migrations unknown to this dzkj: {names} (written by a newer dzkj: upgrade)",
  "ops.doctor.schema.none": "no schema_migrations table: not a dzkj database",
  "ops.doctor.schema.incomplete":
    "recorded as version {version}, but tables or columns its migrations create are missing: {missing} (not a complete dzkj database; restore a backup with dzkj restore)",
  "ops.doctor.fk.ok": "no row violates a foreign key",
  "ops.doctor.fk.bad": "{count} rows violate a foreign key: {tables}",
  "ops.doctor.orphans.ok": "every value's indicator and unit is in its year's plan",
  "ops.doctor.orphans.bad": "{count} values have an indicator or unit not in their year's plan: {list}",
  "ops.doctor.wal.ok": "{size}",
  "ops.doctor.wal.big": "{size}, large: a long-running reader may be preventing checkpoints",
  "ops.doctor.never.ok": "every unit has reported",
  "ops.doctor.never.some": "{year}: {count} units never reported: {namesEn}",
  "ops.doctor.summary.ok": "{path}: healthy ({values} values, {batches} batches, plan years {years})",
  "ops.doctor.summary.bad": "{path}: {count} checks found problems",
  "ops.doctor.unhealthy": "the database check: {count} checks found problems",
  "ops.backup.done": "backed up {path} to {file} ({size}, {values} values, schema version {version})",
  "ops.backup.sameFile": "the backup file cannot be the database itself: {file}",
  "ops.backup.noDir": "the folder {dir} does not exist: create it first",
  "ops.backup.failed": "the backup to {file} failed: {error} (no partial file was left)",
  "ops.restore.notFile": "{file} does not exist or is not a regular file",
  "ops.restore.needYes":
    "restoring replaces the database {path}: run it in a terminal to confirm, or add --yes in scripts",
  "ops.restore.question":
    "Replace the database {path} ({current} values now) with {file} ({values} values, {batches} batches, schema version {version})? The current database is backed up first. [y/N] ",
  "ops.restore.cancelled": "restore cancelled; the database was not changed",
  "ops.restore.safety": "the current database was backed up to {file} before restoring",
  "ops.restore.done":
    "restored the database {path} from {file} ({values} values, {batches} batches, schema version {version})",
  "ops.restore.older":
    "this backup has an older schema (version {version}): the next writing command upgrades it (after another backup)",
  "ops.export.notEmpty": "the export folder {dir} exists and is not empty: choose a new folder",
  "ops.export.notDir": "{dir} exists and is not a folder",
  "ops.export.done": "exported {tables} tables ({rows} rows) to {dir}; manifest: {manifest}",
};
