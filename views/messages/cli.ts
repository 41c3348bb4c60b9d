/**
 * The npm commands: accounts and tokens, reindex, backup and restore, seed.
 * Part of the message catalogue (views/messages.ts composes the parts; zh-CN).
 */

export const cliMessages = {
  /** The account and token commands (scripts/user.ts, scripts/token.ts). */
  cli: {
    /** `npm test`'s pretest step (scripts/ensure-browser.ts). */
    testBrowser: {
      missing:
        "浏览器测试需要 Chromium：请运行 sudo apt-get install -y chromium，或设置 CHROMIUM_PATH (browser tests need Chromium: run `sudo apt-get install -y chromium` or set CHROMIUM_PATH)",
      customPathMissing: (path: string) => `CHROMIUM_PATH 指向的 ${path} 不存在或不可执行 (CHROMIUM_PATH=${path} is not an executable)`,
      installing: (packages: string) => `正在安装浏览器测试所需的软件包: ${packages} (installing ${packages} for the browser tests)`,
      installFailed: "Chromium 安装失败：请运行 apt-get update && apt-get install -y chromium (installing chromium failed)",
      fontsSkipped: "未能安装 fonts-noto-cjk，截图中的中文可能显示为方框 (fonts-noto-cjk not installed; screenshots may lack Chinese glyphs)",
    },
    /** A second `npm start` or a restore on a DATA_DIR another process holds (src/ops/lock-message.ts). */
    dataDirLock: {
      heldByServer: (dataDir: string, pid: number, port: number | null, since: string) =>
        `${dataDir} 上的服务器正在运行（进程 ${pid}${port !== null ? `，端口 ${port}` : ""}，${since} 起），请先停止它 (a server already runs on this DATA_DIR: pid ${pid}${port !== null ? `, port ${port}` : ""}, since ${since})`,
      heldByCommand: (dataDir: string, role: string, pid: number, since: string) =>
        `${dataDir} 正被 npm run ${role} 使用（进程 ${pid}，${since} 起），请等它结束 (DATA_DIR is held by "${role}", pid ${pid}, since ${since})`,
      heldByUnknown: (dataDir: string) => `${dataDir} 正被另一个进程使用，请先停止它 (DATA_DIR is held by another process)`,
    },
    reindex: {
      reading: "读取岗位",
      indexing: "建立索引",
      usingRunning: (url: string) => `使用正在运行的搜索引擎 ${url}`,
      startingEngine: "没有正在运行的搜索引擎，先启动自带的搜索引擎……",
      externalDown: (url: string) => `连不上搜索引擎 ${url}，请检查 MEILI_URL 和 MEILI_MASTER_KEY。`,
      done: (documents: number, seconds: number) => `索引已重建：${documents} 个岗位，用时 ${seconds.toFixed(1)} 秒。`,
      failed: "重建索引失败",
    },
    userUsage:
      "用法: npm run user -- create --role <seeker|manager|town|county|admin> --login <手机号或用户名> [--password <密码>] [--employer <单位编号>] [--town <乡镇名>] [--name <显示名>]\n      npm run user -- reset-password --login <账号> [--password <密码>]\n      npm run user -- disable --login <账号>\n      npm run user -- enable --login <账号>",
    unknownLogin: (login: string) => `没有账号 "${login}" (unknown login)`,
    passwordReset: (login: string) => `已重设账户 ${login} 的密码，该账户的所有登录已退出`,
    userDisabled: (login: string) => `已停用账户 ${login}，该账户的所有登录已退出`,
    userEnabled: (login: string) => `已启用账户 ${login}`,
    tokenUsage: "用法: npm run token -- create --role <county|town|department> [--town <乡镇名>] --name <名称>\n      npm run token -- revoke --id <编号>",
    unknownEmployer: (code: string) => `找不到编号为 "${code}" 的用工主体 (unknown employer code)`,
    unknownTown: (name: string) => `找不到名为 "${name}" 的乡镇 (unknown town)`,
    loginTaken: (login: string) => `账号 "${login}" 已存在 (login already exists)`,
    employerRequired: "用工单位负责人必须指定 --employer <单位编号> (--employer is required for a manager)",
    employerOnlyForManager: "只有用工单位负责人 (manager) 可以指定 --employer",
    townRequired: "乡镇干部或乡镇令牌必须指定 --town <乡镇名> (--town is required for role town)",
    townOnlyForTown: "只有乡镇干部或乡镇令牌可以指定 --town",
    userCreated: (login: string, role: string) => `已创建账户 ${login}（${role}）`,
    oneTimePassword: (password: string) =>
      `一次性密码（只显示这一次，首次登录后必须修改）: ${password}`,
    tokenCreated: (name: string) => `已创建接口令牌「${name}」。令牌只显示这一次，请妥善保存:`,
    tokenRevoked: (id: number) => `已吊销接口令牌 ${id}`,
    unknownToken: (id: number) => `没有编号为 ${id} 的接口令牌`,
  },
  /** Backup and restore (scripts/backup.ts, scripts/restore.ts). */
  backup: {
    usage: "用法: npm run backup -- [<备份目录>]",
    restoreUsage: "用法: npm run restore -- <备份目录>",
    done: (folder: string) => `备份完成: ${folder}`,
    restored: (folder: string) => `已从 ${folder} 恢复数据库和密钥；下次启动时会重建搜索索引。`,
    notABackup: (folder: string) => `${folder} 不是一个完整的备份（缺少 app.db、secrets/ 或 manifest.json）`,
    damaged: (detail: string) => `备份的数据库已损坏，未恢复: ${detail}`,
    exists: (path: string) => `${path} 已存在，不会覆盖`,
  },
  /** `npm run seed` (staff and benchmark runs). */
  seed: {
    usage: "用法：npm run seed -- --scale <劳动力人数> [--seed <随机种子>] [--today YYYY-MM-DD] [--force]",
    badScale: "--scale 必须是 1 到 5000000 之间的整数",
    badSeed: "--seed 必须是非负整数",
    badToday: "--today 必须是 YYYY-MM-DD 格式的日期",
    deleted: (file: string) => `已删除原数据库 ${file}`,
    notEmpty: (file: string) => `数据库 ${file} 里已经有数据，不能生成模拟县。如确需覆盖，请加 --force（会删除整个数据库）。`,
    progress: (workers: number, target: number, placements: number) =>
      `正在生成：劳动力 ${workers.toLocaleString("zh-CN")} / ${target.toLocaleString("zh-CN")}，就业记录 ${placements.toLocaleString("zh-CN")}`,
    done: (c: { towns: number; villages: number; employers: number; postings: number; households: number; workers: number; placements: number }, seconds: number) =>
      `已生成模拟县：乡镇 ${c.towns} 个，村 ${c.villages} 个，用工主体 ${c.employers} 个，岗位 ${c.postings} 个，` +
      `户 ${c.households} 户，劳动力 ${c.workers} 人，就业记录 ${c.placements} 条，用时 ${seconds.toFixed(1)} 秒。`,
  },
} as const;
