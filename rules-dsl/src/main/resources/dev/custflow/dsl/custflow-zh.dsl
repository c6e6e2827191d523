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
# 一句话若以另一句开头, 较长的一句写在前面, 让 Drools 的展开器先试它。
[when]^\s*客户=$c : dev.custflow.model.Customer( )
# 生命周期
[when]- 阶段 为 {stage:\S+}=stage == dev.custflow.model.Stage.{stage}
[when]- 阶段 不是 {stage:\S+}=stage != dev.custflow.model.Stage.{stage}
[when]- 曾 处于 {stage:\S+} 阶段=hasBeen(dev.custflow.model.Stage.{stage})
# wake: if ($c.getStageSince() != null) schedule.wakeAt($c, $c.getStageSince().plus(java.time.Duration.ofDays({days})));
[when]- 处于 当前 阶段 至少 {days:\d+} 天=daysInStage >= {days}
[when]- 阶段 由 人工 设定=stageSetByPerson
# wake: schedule.wakeAt($c, $c.daysAfterCreated({days}));
[when]- 建档 至少 {days:\d+} 天=daysSinceCreated >= {days}
# 订单
# wake: if ($c.isHasOrdered()) schedule.wakeAt($c, $c.daysAfterLastOrder({days}));
[when]- 连续 {days:\d+} 天 未下单=hasOrdered, daysSinceLastOrder >= {days}
[when]- 从未 下单=!hasOrdered
[when]- {days:\d+} 天 内 订单 至少 {orders:\d+} 笔=ordersWithinDays({days}) >= {orders}
[when]- 订单 至少 {orders:\d+} 笔=orderCount >= {orders}
[when]- 累计 消费 至少 {amount:\d+} 元=totalSpentCents >= {amount}00L
[when]- {days:\d+} 天 内 消费 至少 {amount:\d+} 元=spentWithinDays({days}) >= {amount}
[when]- 最近 一笔 订单 至少 {amount:\d+} 元=hasOrdered, lastOrderAmount >= {amount}
[when]- 最近 {orders:\d+} 笔 订单 金额 逐笔 下降=amountFellOn({orders})
# wake: if ($c.getPredictedRepurchaseAt() != null) schedule.wakeAt($c, $c.getPredictedRepurchaseAt().minus(java.time.Duration.ofDays({days})));
[when]- 预计 {days:\d+} 天 内 复购=repurchaseDueWithin({days})
[when]- 买过 {sku:\S+}=hasBought("{sku}")
[when]- 没买过 {sku:\S+}=!hasBought("{sku}")
# 服务与满意度
[when]- {days:\d+} 天 内 投诉 至少 {complaints:\d+} 次=complaintsWithinDays({days}) >= {complaints}
[when]- 有 未解决 投诉=hasOpenComplaint
[when]- 没有 未解决 投诉=!hasOpenComplaint
[when]- 未解决 投诉 至少 {complaints:\d+} 个=openComplaints >= {complaints}
[when]- {days:\d+} 天 内 退换货 至少 {returns:\d+} 次=returnsWithinDays({days}) >= {returns}
[when]- 最近 NPS 不高于 {nps:\d+} 分=lastNps >= 0, lastNps <= {nps}
[when]- 最近 NPS 至少 {nps:\d+} 分=lastNps >= {nps}
[when]- 最近 满意度 不高于 {csat:\d+} 分=lastCsat >= 1, lastCsat <= {csat}
[when]- 最近 评价 为 {review:\S+}=lastReview == dev.custflow.model.Review.{review}
[when]- 有 流失 风险=atRisk
[when]- 流失 风险 为 {level:\S+} 级=riskLevel == dev.custflow.model.Level.{level}
# 联系
[when]- 已 有 销售 联系=repEngaged
[when]- 尚未 有 销售 联系=!repEngaged
# wake: schedule.wakeAt($c, $c.daysAfterLastContact({days}));
[when]- 连续 {days:\d+} 天 无 销售 跟进=daysSinceLastContact >= {days}
# wake: schedule.wakeAt($c, $c.daysAfterLastInteraction({days}));
[when]- 连续 {days:\d+} 天 无 互动=daysSinceLastInteraction >= {days}
[when]- {days:\d+} 天 内 互动 至少 {interactions:\d+} 次=interactionsWithinDays({days}) >= {interactions}
[when]- 有 联系方式=contactable
[when]- 拒收 {via:\S+} 消息=isOptedOut(dev.custflow.model.Channel.{via})
[when]- 接受 {via:\S+} 消息=!isOptedOut(dev.custflow.model.Channel.{via})
# 销售
[when]- 评分 至少 {score:\d+} 分=score >= {score}
[when]- 评分 低于 {score:\d+} 分=score < {score}
[when]- 评级 为 {grade:[A-D]}=grade == "{grade}"
[when]- 是 待转化 线索=openLead
[when]- BANT 全部 确认=bantComplete
[when]- 赢单 至少 {deals:\d+} 次=opportunitiesWon >= {deals}
[when]- 推荐 成功 至少 {referrals:\d+} 位=referralsRewarded >= {referrals}
[when]- 没有 负责人=ownerId == null
[when]- 负责人 为 {rep:\S+}=ownerId == "{rep}"
[when]- 分层 为 {segment:\S+}=segment == dev.custflow.model.Segment.{segment}
[when]- 有 标签 {tag:\S+}=hasTag("{tag}")
[when]- 没有 标签 {tag:\S+}=!hasTag("{tag}")
# 客户资料
[when]- 地区 为 {region:\S+}=region == "{region}"
[when]- 城市 为 {city:\S+}=city == "{city}"
[when]- 行业 为 {industry:\S+}=industry == "{industry}"
[when]- 员工 至少 {employees:\d+} 人=companySize >= {employees}
[when]- 职位 为 {title:\S+}=title == "{title}"
[when]- 渠道 为 {channel:\w+}=channel == "{channel}"
[when]- 属性 {key:\S+} 为 {value:\S+}=attribute("{key}") == "{value}"

# ---------------------------------------------------------------- 动作
[then]发出 {level:\S+} 级 流失预警 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).warnChurn($c, drools.getRule().getName(), dev.custflow.model.Level.{level}, "{reason}");
[then]解除 规则 {rule} 的 流失预警 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).clearChurn($c, "{rule}", "{reason}");
[then]创建 {kind:\S+} 任务 {days:\d+} 天内 到期 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createTask($c, dev.custflow.action.TaskKind.{kind}, $c.getNow().plus(java.time.Duration.ofDays({days})), "{reason}");
[then]通过 {via:\S+} 发送 {template:\S+} 消息 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).requestMessage($c, dev.custflow.model.Channel.{via}, dev.custflow.action.Template.{template}, java.util.Map.of(), "{reason}");
[then]添加 标签 {tag:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).addTag($c, "{tag}", "{reason}");
[then]移除 标签 {tag:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).removeTag($c, "{tag}", "{reason}");
[then]不顾 人工 设定 将 阶段 改为 {stage:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).overruleStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
[then]将 阶段 改为 {stage:\S+} 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).changeStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
[then]创建 商机 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createOpportunity($c, "{reason}");
[then]将 线索 退回 市场 培育 原因 {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).recycleLead($c, "{reason}");
