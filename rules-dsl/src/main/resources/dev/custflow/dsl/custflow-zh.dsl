# Custflow 业务规则语言，中文 (docs/dsl.md 逐句说明; custflow-en.dsl 是逐句对应的英文版)。
# 规则文件夹中有 .dslr 而没有自己的 .dsl 时自动加载。每行一句: 先写"客户", 再每个条件一行, 以"- "开头;
# "那么"之下每个动作一行, 中文词语和数字旁的空格可省略。值写 Java 名称 (CUSTOMER、HIGH...) 或中文名称 (成交客户、高...); 原因是该行余下的文字。
#
# 句子上方的 "# wake:" 注释是 Custflow 的约定 (不是 Drools 的): 规则运行后, 对每个客户执行该语句 (代入句中的值),
# 让引擎在时间条件 (连续 60 天未下单) 成立的那天再次查看该客户, 即使这期间没有任何事件。

# ---------------------------------------------------------------- 规则结构 (rule / when / then / end), 独占一行
[keyword]^规则=rule
[keyword]^当=when
[keyword]^那么=then
[keyword]^结束=end

# ---------------------------------------------------------------- 条件
[when]^\s*客户=$c : dev.custflow.model.Customer( )
[when]- 阶段 为 {stage:\S+}=stage == dev.custflow.model.Stage.{stage}
# wake: if ($c.isHasOrdered()) schedule.wakeAt($c, $c.daysAfterLastOrder({days}));
[when]- 连续 {days:\d+} 天 未下单=hasOrdered, daysSinceLastOrder >= {days}
[when]- 订单 至少 {orders:\d+} 笔=orderCount >= {orders}
[when]- 累计 消费 至少 {amount:\d+} 元=totalSpentCents >= {amount}00L
[when]- {days:\d+} 天 内 投诉 至少 {complaints:\d+} 次=complaintsWithinDays({days}) >= {complaints}
[when]- 评分 至少 {score:\d+} 分=score >= {score}
[when]- 分层 为 {segment:\S+}=segment == dev.custflow.model.Segment.{segment}
[when]- 有 标签 {tag:\S+}=hasTag("{tag}")
[when]- 没有 标签 {tag:\S+}=!hasTag("{tag}")
[when]- 地区 为 {region:\S+}=region == "{region}"
[when]- 行业 为 {industry:\S+}=industry == "{industry}"
[when]- 渠道 为 {channel:\w+}=channel == "{channel}"

# ---------------------------------------------------------------- 动作
[then]发出 {level:\S+} 级 流失预警 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).warnChurn($c, drools.getRule().getName(), dev.custflow.model.Level.{level}, "{reason}");
[then]创建 {kind:\S+} 任务 {days:\d+} 天内 到期 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createTask($c, dev.custflow.action.TaskKind.{kind}, $c.getNow().plus(java.time.Duration.ofDays({days})), "{reason}");
[then]通过 {via:\S+} 发送 {template:\S+} 消息 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).requestMessage($c, dev.custflow.model.Channel.{via}, dev.custflow.action.Template.{template}, java.util.Map.of(), "{reason}");
[then]添加 标签 {tag:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).addTag($c, "{tag}", "{reason}");
[then]将 阶段 改为 {stage:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).changeStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
