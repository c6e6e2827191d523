# Custflow business language, English (docs/dsl.md explains every sentence; custflow-zh.dsl is the
# same language in Chinese, sentence for sentence). Loaded automatically for rules folders with .dslr
# files and no .dsl of their own. One sentence per line: "There is a customer" first, then one
# condition per "- " line; under "then" one action per line. Values in capitals are the Java names
# (CUSTOMER, HIGH, FOLLOW_UP...) or their Chinese labels (成交客户, 高...); a reason is the rest of the line, as text.
#
# A "# wake:" comment above a sentence is Custflow's, not Drools': the statement, with the sentence's
# values, is run for every customer after its rules, so the engine looks at the customer again when
# a time sentence ("no order for 60 days") becomes true although nothing happened to it.

# ---------------------------------------------------------------- conditions
[when]There is a customer=$c : dev.custflow.model.Customer( )
[when]- in stage {stage:\S+}=stage == dev.custflow.model.Stage.{stage}
# wake: if ($c.isHasOrdered()) schedule.wakeAt($c, $c.daysAfterLastOrder({days}));
[when]- with no order for {days:\d+} days=hasOrdered, daysSinceLastOrder >= {days}
[when]- with at least {orders:\d+} orders=orderCount >= {orders}
[when]- who spent at least {amount:\d+} in total=totalSpentCents >= {amount}00L
[when]- with at least {complaints:\d+} complaints in {days:\d+} days=complaintsWithinDays({days}) >= {complaints}
[when]- with a score of at least {score:\d+}=score >= {score}
[when]- in segment {segment:\S+}=segment == dev.custflow.model.Segment.{segment}
[when]- tagged {tag:\S+}=hasTag("{tag}")
[when]- not tagged {tag:\S+}=!hasTag("{tag}")
[when]- in region {region:\S+}=region == "{region}"
[when]- in industry {industry:\S+}=industry == "{industry}"
[when]- from channel {channel:\w+}=channel == "{channel}"

# ---------------------------------------------------------------- actions
[then]Warn of churn at level {level:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).warnChurn($c, drools.getRule().getName(), dev.custflow.model.Level.{level}, "{reason}");
[then]Create a task {kind:\S+} due in {days:\d+} days because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createTask($c, dev.custflow.action.TaskKind.{kind}, $c.getNow().plus(java.time.Duration.ofDays({days})), "{reason}");
[then]Send the message {template:\S+} by {via:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).requestMessage($c, dev.custflow.model.Channel.{via}, dev.custflow.action.Template.{template}, java.util.Map.of(), "{reason}");
[then]Tag the customer {tag:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).addTag($c, "{tag}", "{reason}");
[then]Move the customer to stage {stage:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).changeStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
